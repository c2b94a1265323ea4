import { describe, expect, it } from 'vitest';
import { offersDelete } from './deleteRule';

describe('offersDelete follows the server rule as far as the desk can tell', () => {
  it('never offers a published article, offers editors drafts only and chiefs the rest', () => {
    for (const chief of [false, true])
      expect(offersDelete({ status: 'published' }, chief)).toBe(false);
    expect(offersDelete({ status: 'draft' }, false)).toBe(true);
    expect(offersDelete({ status: 'in_review' }, false)).toBe(false);
    expect(offersDelete({ status: 'approved' }, false)).toBe(false);
    expect(offersDelete({ status: 'in_review' }, true)).toBe(true);
    expect(offersDelete({ status: 'approved' }, true)).toBe(true);
  });
});
