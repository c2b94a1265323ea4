import { describe, expect, it } from 'vitest';
import { IMAGE_MAX_BYTES } from '../../../src-shared/model';
import { refuseImageFile } from './refuseFile';

describe('refuseImageFile', () => {
  it('lets JPEG, PNG, WebP and untyped files through to the import, refuses other types and oversized files', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp', ''])
      expect(refuseImageFile({ type, size: 1000 })).toBeNull();
    expect(refuseImageFile({ type: 'text/plain', size: 5 })).toBe('notImage');
    expect(refuseImageFile({ type: 'image/gif', size: 5 })).toBe('notImage');
    expect(refuseImageFile({ type: 'image/jpeg', size: IMAGE_MAX_BYTES })).toBeNull();
    expect(refuseImageFile({ type: 'image/jpeg', size: IMAGE_MAX_BYTES + 1 })).toBe('tooLarge');
  });
});
