/**
 * The README's and docs' tables render as tables. In GitHub's Markdown a `|` splits a table cell
 * even inside a code span unless it is escaped (`\|`), and Prettier then pads the stray cell as a
 * column of its own: the row shifts and the text after it runs into the next column (the CLI row
 * of the README's command table did). Every row must have its header's cell count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** Cells of a table row: unescaped pipes split, the outer ones only close the row. */
function cellCount(row: string): number {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).length;
}

/** Rows whose cell count differs from their table's header, as "file:line (n of m cells)". */
function misshapenRows(file: string, text: string): string[] {
  const bad: string[] = [];
  let header: number | null = null;
  let fence = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || !line.trimStart().startsWith('|')) {
      header = null;
      return;
    }
    const n = cellCount(line);
    if (header === null) header = n;
    else if (n !== header) bad.push(`${file}:${i + 1} (${n} of ${header} cells)`);
  });
  return bad;
}

describe('Markdown tables in the README and docs', () => {
  it('counts cells the way GitHub splits them', () => {
    expect(cellCount('| a | b |')).toBe(2);
    expect(cellCount('| `x \\| y` | b |')).toBe(2);
    expect(cellCount('| `x | y` | b |')).toBe(3);
    expect(misshapenRows('t.md', '| a | b |\n| - | - |\n| `p | q` | r |\n')).toEqual([
      't.md:3 (3 of 2 cells)',
    ]);
    expect(misshapenRows('t.md', '```\n| a |\n| b | c |\n```\n')).toEqual([]);
  });

  it('every row has its header’s cell count', () => {
    const files = [
      'README.md',
      ...readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join('docs', f)),
    ];
    const bad = files.flatMap((f) => misshapenRows(f, readFileSync(join(root, f), 'utf8')));
    expect(bad).toEqual([]);
  });
});
