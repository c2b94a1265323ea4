/**
 * Merge code shared by the server (authoritative merges) and the desktop core (rebase, preview):
 * - `mergeFields` / `mergeSet`: field-level metadata merge (docs/sync.md);
 * - `mergeBodies`: block-level three-way merge of Lexical bodies (docs/sync.md).
 */
export * from './canonical';
export * from './fields';
export * from './body';
