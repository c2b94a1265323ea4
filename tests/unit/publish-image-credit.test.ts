/**
 * The published page takes an inline image's credit from its library record: the desk shows that
 * credit, and the editor no longer saves its node copy on open.
 */
import { describe, expect, it } from 'vitest';
import { withImageRecordFields } from '../../src-server/publish/images';

const node = (fields: Record<string, string>) => ({
  type: 'article-image',
  version: 1,
  $: { imageId: 'img1', caption: '', alt: '', blockId: 'b1', ...fields },
});
const bodyWith = (n: unknown) => ({ root: { type: 'root', children: [n] } });
const record = { width: 10, height: 10, credit: 'dpa/Neu', alt: 'Rathaus' };

describe('inline image credit on the published page', () => {
  it("replaces the node's older copy with the record's credit", () => {
    const out = withImageRecordFields(bodyWith(node({ credit: 'dpa/Alt' })), { img1: record });
    expect(JSON.stringify(out)).toContain('"credit":"dpa/Neu"');
    expect(JSON.stringify(out)).toContain('"alt":"Rathaus"');
  });

  it("keeps the node's credit when the record has none, and returns an unchanged body as is", () => {
    const b = bodyWith(node({ credit: 'Eigene Quelle', alt: 'Text' }));
    expect(withImageRecordFields(b, { img1: { ...record, credit: '' } })).toBe(b);
  });
});
