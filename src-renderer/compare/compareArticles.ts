/**
 * What changed between two versions of an article: the text fields word by word and the body
 * block by block (words inside changed blocks). Pure, so long articles are tested without a DOM.
 */
import { bodyPlainText } from '../../src-shared/richtext/plainText';
import {
  diffBlocks,
  diffWords,
  hasChanges,
  type DiffBlock,
  type DiffPart,
} from '../../src-shared/text/wordDiff';

/** The fields compared, in the order the editor shows them. */
export const COMPARED_FIELDS = ['kicker', 'headline', 'teaser', 'byline', 'tags'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface ComparedVersion {
  fields: Record<string, unknown>;
  body: unknown;
}

export interface ArticleComparison {
  /** Only the fields that differ. */
  fields: { field: ComparedField; parts: DiffPart[] }[];
  body: DiffBlock[];
  changed: boolean;
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(', ');
  return '';
}

/** The text of each top-level block of a body (an image block: its caption). */
export function bodyBlockTexts(body: unknown): string[] {
  const children = (body as { root?: { children?: unknown } } | null)?.root?.children;
  if (!Array.isArray(children)) return [];
  return children.map((block) => bodyPlainText({ root: { type: 'root', children: [block] } }));
}

export function compareArticles(
  before: ComparedVersion,
  after: ComparedVersion,
): ArticleComparison {
  const fields = COMPARED_FIELDS.flatMap((field) => {
    const parts = diffWords(fieldText(before.fields[field]), fieldText(after.fields[field]));
    return hasChanges(parts) ? [{ field, parts }] : [];
  });
  const body = diffBlocks(bodyBlockTexts(before.body), bodyBlockTexts(after.body));
  return { fields, body, changed: fields.length > 0 || body.some((b) => b.kind !== 'same') };
}

export type FoldedBlock = { block: DiffBlock; index: number } | { skipped: number; index: number };

/** Unchanged blocks next to a change stay; longer unchanged runs become one "skipped" line. */
export function foldUnchanged(blocks: readonly DiffBlock[], context = 1): FoldedBlock[] {
  const keep = blocks.map((b) => b.kind !== 'same');
  const near = blocks.map((_, i) =>
    keep.slice(Math.max(0, i - context), i + context + 1).some(Boolean),
  );
  const out: FoldedBlock[] = [];
  let skipped = 0;
  blocks.forEach((block, index) => {
    if (near[index]) {
      if (skipped) out.push({ skipped, index: index - 1 });
      skipped = 0;
      out.push({ block, index });
    } else skipped++;
  });
  if (skipped) out.push({ skipped, index: blocks.length });
  return out;
}
