import { describe, expect, it } from 'vitest';
import { isSuggestKey } from '../editor/shortcuts';
import { suggestsByDefault } from './useSuggestDefault';

const chief = { chief: true, id: 'u-chief' };
const on = { suggestOnOthersArticles: true };

describe('suggestion mode by default', () => {
  it("is on for a desk chief on someone else's article while the setting is on", () => {
    expect(suggestsByDefault('u-editor', chief, on)).toBe(true);
  });

  it('is off on the chief’s own article, for editors, when not signed in, or with the setting off', () => {
    expect(suggestsByDefault('u-chief', chief, on)).toBe(false);
    expect(suggestsByDefault('u-editor', { chief: false, id: 'u-anna' }, on)).toBe(false);
    expect(suggestsByDefault('u-editor', { chief: true, id: null }, on)).toBe(false);
    expect(suggestsByDefault(null, chief, on)).toBe(false);
    expect(suggestsByDefault('u-editor', chief, { suggestOnOthersArticles: false })).toBe(false);
  });
});

describe('the suggestion-mode shortcut', () => {
  const key = (over: Partial<KeyboardEvent>) =>
    ({
      code: 'KeyS',
      key: 's',
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...over,
    }) as KeyboardEvent;

  it('is Ctrl+Alt+S (Cmd on macOS), not Ctrl+S or Ctrl+Alt+Shift+S', () => {
    expect(isSuggestKey(key({ ctrlKey: true, altKey: true }))).toBe(true);
    expect(isSuggestKey(key({ ctrlKey: true }))).toBe(false);
    expect(isSuggestKey(key({ ctrlKey: true, altKey: true, shiftKey: true }))).toBe(false);
    expect(isSuggestKey(key({ ctrlKey: true, altKey: true, code: 'KeyD' }))).toBe(false);
  });
});
