/** Kept in step with package.json by hand at release time; the protocol checks use schema versions, not this. */
export const APP_VERSION = '0.1.0';
