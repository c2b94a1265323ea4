/**
 * One vocabulary per language: the checklist, the conflict panel and the status names use the
 * same words as the field labels, so that they cannot drift apart again.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '../../src-shared/model';
import { en, type Messages } from './en';
import { de } from './de';

/** Each language with its word for one tag (the field label is the plural). */
const languages: [string, Messages, string][] = [
  ['en', en, 'tag'],
  ['de', de, 'Schlagwort'],
];

/** Every string of a message tree with its key path. */
function strings(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (tree && typeof tree === 'object')
    return Object.entries(tree).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const lower = (s: string) => s.toLocaleLowerCase();

describe.each(languages)('vocabulary (%s)', (_, m, tag) => {
  it('names each state the same everywhere', () => {
    for (const s of ARTICLE_STATUSES) expect(m.list.status[s]).toBe(m.review.status[s]);
  });

  it('names the fields in the conflict panel as the editor labels them', () => {
    for (const k of [
      'kicker',
      'headline',
      'teaser',
      'byline',
      'section',
      'tags',
      'links',
      'slug',
    ] as const)
      expect(m.conflicts.fields[k]).toBe(m.editor[k]);
  });

  it('names the fields in the checklist as the editor labels them', () => {
    const pairs = [
      ['headline_missing', m.editor.headline],
      ['teaser_missing', m.editor.teaser],
      ['section_missing', m.editor.section],
    ] as const;
    for (const [code, label] of pairs) {
      expect(m.review.missing[code]).toBe(label);
      expect(lower(m.articleImages.checklist[code])).toContain(lower(label));
    }
    // The tag items name one tag with the word the tags field uses.
    expect(lower(m.editor.tagsInput.placeholder)).toContain(lower(tag));
    expect(lower(m.review.missing.tag_missing)).toContain(lower(tag));
    expect(lower(m.articleImages.checklist.tag_missing)).toContain(lower(tag));
  });
});

describe('German vocabulary', () => {
  // Terms replaced by the one a German newsroom uses: Ressort, Schlagwörter, Vorspann, Abnahme.
  const banned = [
    /\bBereich/,
    /Stichw[oö]rt/,
    /freigeg|freigabe|freigeb/i, // Abnahme, abnehmen, abgenommen
    /\bTeaser/,
    /\bTitel\b/,
    /Schlagzeile/,
  ];
  it('uses none of the replaced terms', () => {
    const found = strings(de).filter(([, v]) => banned.some((b) => b.test(v)));
    expect(found).toEqual([]);
  });
  it('uses "Verlauf" for the timeline only', () => {
    const found = strings(de)
      .filter(([, v]) => /Verlauf/.test(v))
      .map(([k]) => k);
    expect(found.every((k) => k.startsWith('review.timeline.'))).toBe(true);
  });
});
