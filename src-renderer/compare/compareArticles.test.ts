import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { bodyBlockTexts, compareArticles, foldUnchanged } from './compareArticles';

describe('compareArticles', () => {
  const fields = {
    kicker: 'Münster:',
    headline: 'Rat tagt',
    teaser: 'Kurz.',
    byline: 'ab',
    tags: ['rat'],
  };

  it('lists only the changed fields, word by word, and the body block by block', () => {
    const c = compareArticles(
      { fields, body: bodyFromParagraphs(['Erster Absatz.', 'Zweiter Absatz.']) },
      {
        fields: { ...fields, headline: 'Rat tagt heute', tags: ['rat', 'haushalt'] },
        body: bodyFromParagraphs(['Erster Absatz.', 'Zweiter, längerer Absatz.']),
      },
    );
    expect(c.changed).toBe(true);
    expect(c.fields.map((f) => f.field)).toEqual(['headline', 'tags']);
    expect(c.fields[0]!.parts).toEqual([
      { kind: 'same', text: 'Rat tagt' },
      { kind: 'ins', text: ' heute' },
    ]);
    expect(c.body.map((b) => b.kind)).toEqual(['same', 'changed']);
    expect(c.body[1]!.parts.find((p) => p.kind === 'ins')?.text.trim()).toBe(', längerer');
  });

  it('says nothing changed for equal versions, and reads missing fields and bodies as empty', () => {
    const body = bodyFromParagraphs(['Gleich.']);
    expect(compareArticles({ fields, body }, { fields, body }).changed).toBe(false);
    const c = compareArticles({ fields: {}, body: null }, { fields: { headline: 'Neu' }, body });
    expect(c.fields.map((f) => f.field)).toEqual(['headline']);
    expect(c.body.map((b) => b.kind)).toEqual(['ins']);
  });

  it('reads an image block as its caption', () => {
    const body = {
      root: {
        type: 'root',
        children: [{ type: 'article-image', caption: 'Der Dom', version: 1, children: [] }],
      },
    };
    expect(bodyBlockTexts(body)).toEqual(['Der Dom']);
  });
});

describe('foldUnchanged', () => {
  it('keeps one unchanged paragraph around each change and folds the rest', () => {
    const same = { kind: 'same' as const, parts: [] };
    const changed = { kind: 'changed' as const, parts: [] };
    const blocks = [same, same, same, changed, same, same, same, same];
    expect(
      foldUnchanged(blocks).map((s) => ('skipped' in s ? `skip ${s.skipped}` : s.block.kind)),
    ).toEqual(['skip 2', 'same', 'changed', 'same', 'skip 3']);
  });
});
