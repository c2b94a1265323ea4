import { beforeEach, describe, expect, it } from 'vitest';
import { isSuggesting, useSuggestModeStore } from './suggestMode';
import { authorHue } from './authorColour';

describe('suggestion mode per article', () => {
  beforeEach(() => useSuggestModeStore.setState({ byArticle: {} }));

  it('is off until a default or a choice says otherwise', () => {
    expect(isSuggesting('a')).toBe(false);
    useSuggestModeStore.getState().setDefault('a', true);
    expect(isSuggesting('a')).toBe(true);
    expect(isSuggesting('b')).toBe(false);
  });

  it("keeps the user's choice when the default is set again", () => {
    const s = useSuggestModeStore.getState();
    s.setDefault('a', true);
    s.choose('a', false);
    s.setDefault('a', true);
    expect(isSuggesting('a')).toBe(false);
  });
});

describe('author colour', () => {
  it('gives one person the same hue and different people different hues', () => {
    expect(authorHue('chief')).toBe(authorHue('chief'));
    const hues = new Set(['anna', 'jonas', 'miriam', 'paul', 'chief', 'editor'].map(authorHue));
    expect(hues.size).toBeGreaterThanOrEqual(5);
    for (const h of hues) {
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(360);
    }
  });
});
