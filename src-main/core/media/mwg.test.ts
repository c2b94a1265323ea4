import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iimState, reconcileList, reconcileText } from './mwg';

const iim = Buffer.from([0x1c, 2, 110, 0, 3, 0x64, 0x70, 0x61]);
const md5 = (b: Buffer) => createHash('md5').update(b).digest();

describe('MWG reconciliation', () => {
  it('tells from the IPTC digest whether IIM is in step with XMP', () => {
    expect(iimState(null, md5(iim))).toBe('none');
    expect(iimState(iim, null)).toBe('noDigest');
    expect(iimState(iim, md5(iim))).toBe('inStep');
    expect(iimState(iim, Buffer.alloc(16))).toBe('changedAfter');
  });

  it('prefers non-blank EXIF, then XMP unless IIM changed after it', () => {
    const c = { exif: 'E', iim: 'I', xmp: 'X' };
    expect(reconcileText(c, 'inStep', 32)).toBe('E');
    expect(reconcileText({ ...c, exif: '   ' }, 'inStep', 32)).toBe('X');
    expect(reconcileText({ ...c, exif: null }, 'noDigest', 32)).toBe('X');
    expect(reconcileText({ ...c, exif: null }, 'changedAfter', 32)).toBe('I');
    expect(reconcileText({ iim: 'I', xmp: null }, 'inStep', 32)).toBe('I');
    expect(reconcileText({ iim: null, xmp: 'X' }, 'changedAfter', 32)).toBeNull();
    expect(reconcileText({ iim: null, xmp: 'X' }, 'none', 32)).toBe('X');
  });

  it('takes XMP where a changed IIM value is only the XMP value cut at the IIM limit', () => {
    expect(reconcileText({ iim: 'abcd', xmp: 'abcdef' }, 'changedAfter', 4)).toBe('abcdef');
    expect(reconcileText({ iim: 'abc', xmp: 'abcdef' }, 'changedAfter', 4)).toBe('abc');
    expect(reconcileText({ iim: 'äb', xmp: 'äbc' }, 'changedAfter', 3)).toBe('äbc'); // 3 UTF-8 bytes
  });

  it('applies the same rules to keyword lists', () => {
    const c = { iim: ['a', 'b'], xmp: ['x'] };
    expect(reconcileList(c, 'inStep', 64)).toEqual(['x']);
    expect(reconcileList(c, 'changedAfter', 64)).toEqual(['a', 'b']);
    expect(reconcileList({ iim: ['a'], xmp: [] }, 'noDigest', 64)).toEqual(['a']);
    expect(reconcileList({ iim: null, xmp: ['x'] }, 'none', 64)).toEqual(['x']);
  });
});
