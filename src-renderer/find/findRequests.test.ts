import { describe, expect, it } from 'vitest';
import { openFindInArticle, registerFindOpener } from './findRequests';

describe('find requests', () => {
  it('reach the registered article and nothing once it is gone', () => {
    const calls: boolean[] = [];
    expect(openFindInArticle(false)).toBe(false);
    const off = registerFindOpener((replace) => calls.push(replace));
    expect(openFindInArticle(false)).toBe(true);
    expect(openFindInArticle(true)).toBe(true);
    expect(calls).toEqual([false, true]);
    off();
    expect(openFindInArticle(false)).toBe(false);
  });

  it('a late unregister of the previous article leaves the next one registered', () => {
    const first: boolean[] = [];
    const second: boolean[] = [];
    const offFirst = registerFindOpener((r) => first.push(r));
    const offSecond = registerFindOpener((r) => second.push(r));
    offFirst(); // React may clean up the old editor after the new one mounted
    expect(openFindInArticle(true)).toBe(true);
    expect(first).toEqual([]);
    expect(second).toEqual([true]);
    offSecond();
  });
});
