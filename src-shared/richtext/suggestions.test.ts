import { IS_BOLD, IS_ITALIC } from 'lexical';
import { describe, expect, it } from 'vitest';
import { body, link, list, listItem, paragraph, suggestion, text } from './builders';
import { parseBody } from './headless';
import { renderBodyHtml } from './html';
import { bodyFromParagraphs, bodyPlainText, countWords } from './plainText';
import {
  countOpenSuggestions,
  hasSuggestions,
  listSuggestions,
  resolveSuggestions,
  withSuggestionsAccepted,
  withSuggestionsRejected,
} from './suggestions';

const ins = (value: string, id: string, author = 'anna', format?: number) =>
  suggestion(value, { kind: 'insert', author, id, ...(format ? { format } : {}) });
const del = (value: string, id: string, author = 'chef', format?: number) =>
  suggestion(value, { kind: 'delete', author, id, ...(format ? { format } : {}) });

const article = body(
  paragraph(
    [text('Der Rat '), del('tagte', 's1'), ins('beschloss', 's2'), text(' gestern.')],
    'p1',
  ),
  paragraph([ins('Ein ganz neuer Absatz.', 's3')], 'p2'),
  paragraph([], 'p3'),
  paragraph(
    [
      text('Mehr bei '),
      link('https://example.org', [del('der ', 's4', 'anna'), text('Quelle')]),
      text('.'),
    ],
    'p4',
  ),
  list('bullet', [listItem([text('eins')], 'li1'), listItem([ins('zwei', 's5')], 'li2')], 'l1'),
);

describe('listSuggestions / countOpenSuggestions', () => {
  it('lists each suggestion once with author, time and its whole text', () => {
    const split = body(
      paragraph([ins('fett', 's1', 'anna', IS_BOLD), ins(' und normal', 's1'), del('x', 's2')]),
    );
    expect(listSuggestions(split)).toEqual([
      {
        id: 's1',
        kind: 'insert',
        author: 'anna',
        at: '2026-12-03T04:00:00.000Z',
        text: 'fett und normal',
      },
      { id: 's2', kind: 'delete', author: 'chef', at: '2026-12-03T04:00:00.000Z', text: 'x' },
    ]);
    expect(countOpenSuggestions(split)).toBe(2);
    expect(countOpenSuggestions(article)).toBe(5);
    expect(hasSuggestions(article)).toBe(true);
    expect(countOpenSuggestions(body(paragraph([text('nichts')])))).toBe(0);
    expect(countOpenSuggestions(null)).toBe(0);
  });
});

describe('withSuggestionsRejected', () => {
  it('drops insertions, keeps deletions as text, joins text and removes blocks emptied by it', () => {
    const rejected = withSuggestionsRejected(article);
    expect(rejected).toEqual(
      body(
        paragraph([text('Der Rat tagte gestern.')], 'p1'),
        paragraph([], 'p3'),
        paragraph(
          [text('Mehr bei '), link('https://example.org', [text('der Quelle')]), text('.')],
          'p4',
        ),
        list('bullet', [listItem([text('eins')], 'li1')], 'l1'),
      ),
    );
    expect(countOpenSuggestions(rejected)).toBe(0);
    // The input is not modified; the result is a body Lexical reads.
    expect(countOpenSuggestions(article)).toBe(5);
    expect(() => parseBody(rejected)).not.toThrow();
  });

  it('keeps formats apart: only neighbours with the same format are joined', () => {
    const b = body(
      paragraph([
        text('a', { format: IS_BOLD }),
        del('b', 's1', 'chef', IS_BOLD),
        del('c', 's1', 'chef', IS_ITALIC),
        text('d', { format: IS_ITALIC }),
        ins('e', 's2'),
        text('f'),
      ]),
    );
    expect(withSuggestionsRejected(b)).toEqual(
      body(
        paragraph([text('ab', { format: IS_BOLD }), text('cd', { format: IS_ITALIC }), text('f')]),
      ),
    );
  });

  it('returns a body without suggestions as the same object', () => {
    const plain = bodyFromParagraphs(['eins', 'zwei']);
    expect(withSuggestionsRejected(plain)).toBe(plain);
  });

  it('agrees with the published HTML, plain text and word count', () => {
    const rejected = withSuggestionsRejected(article);
    expect(renderBodyHtml(article)).toBe(renderBodyHtml(rejected));
    expect(bodyPlainText(article)).toBe(bodyPlainText(rejected));
    expect(bodyPlainText(article)).toContain('Der Rat tagte gestern.');
    expect(bodyPlainText(article)).not.toMatch(/beschloss|neuer Absatz|zwei/);
    expect(countWords(bodyPlainText(article))).toBe(countWords(bodyPlainText(rejected)));
    expect(renderBodyHtml(article)).toBe(
      '<p>Der Rat tagte gestern.</p><p>Mehr bei <a href="https://example.org/">der Quelle</a>.</p><ul><li>eins</li></ul>',
    );
  });

  it('handles the 1,000-paragraph article with suggestions in every tenth paragraph', () => {
    const big = bodyFromParagraphs(Array.from({ length: 1000 }, (_, i) => `Absatz ${i} mit Text.`));
    big.root.children = big.root.children.map((block, i) =>
      i % 10 === 0
        ? { ...(block as object), children: [text(`Absatz ${i} `), ins('neu', `s${i}`)] }
        : block,
    );
    expect(countOpenSuggestions(big)).toBe(100);
    const rejected = withSuggestionsRejected(big);
    expect(countOpenSuggestions(rejected)).toBe(0);
    expect(rejected.root.children).toHaveLength(1000);
    // Blocks without suggestions are shared, not copied.
    expect(rejected.root.children[1]).toBe(big.root.children[1]);
  });
});

describe('withSuggestionsAccepted / resolveSuggestions', () => {
  it('accepting keeps insertions as text and drops deletions', () => {
    const accepted = withSuggestionsAccepted(article);
    expect(bodyPlainText(accepted)).toBe(
      'Der Rat beschloss gestern.\n\nEin ganz neuer Absatz.\n\nMehr bei Quelle.\n\neins\n\nzwei',
    );
    expect(countOpenSuggestions(accepted)).toBe(0);
    expect(() => parseBody(accepted)).not.toThrow();
  });

  it('resolves by id, by author or all, leaving the others open', () => {
    const byId = resolveSuggestions(article, { ids: ['s2'] }, 'accept');
    expect(listSuggestions(byId).map((s) => s.id)).toEqual(['s1', 's3', 's4', 's5']);
    expect(bodyPlainText(withSuggestionsRejected(byId))).toContain(
      'Der Rat tagtebeschloss gestern.',
    );

    const byAuthor = resolveSuggestions(article, { author: 'anna' }, 'reject');
    expect(listSuggestions(byAuthor).map((s) => s.id)).toEqual(['s1']);
    expect(bodyPlainText(byAuthor)).toContain('Mehr bei der Quelle.');

    expect(countOpenSuggestions(resolveSuggestions(article, { all: true }, 'accept'))).toBe(0);
    // Unknown ids change nothing.
    expect(resolveSuggestions(article, { ids: ['nope'] }, 'accept')).toBe(article);
  });

  it('refuses an unknown selector or action with a clear error and changes nothing', () => {
    const before = JSON.stringify(article);
    expect(() => resolveSuggestions(article, {} as never, 'accept')).toThrow(
      'Choose suggestions by ids, by author or all.',
    );
    expect(() => resolveSuggestions(article, { author: '' }, 'accept')).toThrow(/by author/);
    expect(() => resolveSuggestions(article, { all: true }, 'maybe' as never)).toThrow(
      /Unknown suggestion action "maybe"/,
    );
    expect(JSON.stringify(article)).toBe(before);
  });
});
