import { expect, it } from 'vitest';
import { fixture, TEXT_FILE } from '../../../tests/fixtures/images';
import { sniffImageMime } from './sniff';

it('tells the type from the bytes, not from the name', () => {
  expect(sniffImageMime(fixture('credits-orient6.jpg'))).toBe('image/jpeg');
  expect(sniffImageMime(fixture('plain.png'))).toBe('image/png');
  expect(sniffImageMime(fixture('plain.webp'))).toBe('image/webp');
  expect(sniffImageMime(TEXT_FILE)).toBeNull();
  expect(sniffImageMime(Buffer.alloc(0))).toBeNull();
  expect(sniffImageMime(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
  expect(sniffImageMime(Buffer.from('GIF89a'))).toBeNull();
});
