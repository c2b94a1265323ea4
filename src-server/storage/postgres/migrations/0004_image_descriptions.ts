/**
 * 0004 (0003 on SQLite): images gained `headline` and `extendedDescription` (IPTC Headline and
 * Extended Description). Images stored before get both as '' (not set); values already there win.
 */
export const PG_MIGRATION_0004_IMAGE_DESCRIPTIONS = `
  UPDATE images
     SET data = (jsonb_build_object('headline', '', 'extendedDescription', '') || data::jsonb)::text;
`;
