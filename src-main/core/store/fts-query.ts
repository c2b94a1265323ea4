/**
 * Turns what a person types into an FTS5 query: every word must match, each as a prefix, so
 * "Kooperat münst" finds "Kooperation in Münster". Words are quoted, so FTS5 operators and
 * punctuation in the input can never break the query.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
