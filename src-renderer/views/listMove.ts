/**
 * Where a key moves the focus in a list of `count` rows from row `at`: the arrows by one row,
 * Page Up and Page Down by `pageRows` (at least one), Home and End to the ends; null for any
 * other key, and in an empty list.
 */
export function listMove(key: string, at: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const page = Math.max(1, pageRows);
  let to: number;
  switch (key) {
    case 'ArrowDown':
      to = at + 1;
      break;
    case 'ArrowUp':
      to = at - 1;
      break;
    case 'PageDown':
      to = at + page;
      break;
    case 'PageUp':
      to = at - page;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = count - 1;
      break;
    default:
      return null;
  }
  return Math.max(0, Math.min(count - 1, to));
}
