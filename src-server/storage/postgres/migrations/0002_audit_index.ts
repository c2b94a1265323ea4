/** 0002: the audit trail of one entity is read by entity, in id order (GET …/timeline). */
export const PG_MIGRATION_0002_AUDIT_INDEX = `
  CREATE INDEX audit_entity ON audit_events(entity_type, entity_id, id);
  `;
