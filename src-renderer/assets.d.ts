/** Vite asset imports: `?url` gives the URL of the emitted file. */
declare module '*?url' {
  const url: string;
  export default url;
}

/** `?url&no-inline`: always a file, never a data: URL (the CSP allows fetches from 'self' only). */
declare module '*?url&no-inline' {
  const url: string;
  export default url;
}
