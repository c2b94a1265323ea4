/**
 * Each suggestion author's colour: a hue derived from the username, so the same person has the
 * same colour on every desk without any stored setting. The CSS reads it from the custom property
 * `--suggestion-hue` and picks lightness per theme, keeping the text's contrast.
 */

/** A hue in degrees (0–359) for a username; stable across desks and sessions. */
export function authorHue(username: string): number {
  // FNV-1a over UTF-16 code units: small, fast, spreads similar names apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < username.length; i++) {
    hash ^= username.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}
