/**
 * Merge code shared by the server (authoritative merges) and the desktop core (rebase, preview):
 * - `mergeFields` / `mergeSet`: field-level metadata merge (SYNC.md §9);
 * - `mergeBodies`: block-level three-way merge of Lexical bodies (SYNC.md §10).
 */
export * from './canonical';
export * from './fields';
export * from './body';
