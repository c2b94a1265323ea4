import { describe, expect, it } from 'vitest';
import { listMove } from './listMove';

describe('listMove', () => {
  it('moves by one, by a page and to the ends, never past them', () => {
    expect(listMove('ArrowDown', 3, 10, 4)).toBe(4);
    expect(listMove('ArrowUp', 3, 10, 4)).toBe(2);
    expect(listMove('PageDown', 3, 10, 4)).toBe(7);
    expect(listMove('PageUp', 3, 10, 4)).toBe(0);
    expect(listMove('Home', 7, 10, 4)).toBe(0);
    expect(listMove('End', 0, 10, 4)).toBe(9);
    expect(listMove('ArrowDown', 9, 10, 4)).toBe(9);
    expect(listMove('ArrowUp', 0, 10, 4)).toBe(0);
    expect(listMove('PageDown', 8, 10, 0)).toBe(9); // a page is at least a row
  });

  it('ignores other keys and empty lists', () => {
    expect(listMove('Enter', 3, 10, 4)).toBeNull();
    expect(listMove('ArrowRight', 3, 10, 4)).toBeNull();
    expect(listMove('constructor', 3, 10, 4)).toBeNull();
    expect(listMove('ArrowDown', 0, 0, 4)).toBeNull();
  });
});
