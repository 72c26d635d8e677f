import { describe, expect, it } from 'vitest';
import { pageFromQuery, pageRange } from './use-paged-list.ts';

describe('pageFromQuery', () => {
  it('reads a positive page number and falls back to 1 otherwise', () => {
    expect(pageFromQuery('3')).toBe(3);
    expect(pageFromQuery(['4', '5'])).toBe(4);
    for (const bad of [undefined, null, '', '0', '-2', '1.5', 'deux'])
      expect(pageFromQuery(bad as never)).toBe(1);
  });
});

describe('pageRange', () => {
  it('numbers the rows a page shows from 1, the last page short', () => {
    expect(pageRange(1, 25, 3000)).toEqual({ from: 1, to: 25 });
    expect(pageRange(2, 25, 3000)).toEqual({ from: 26, to: 50 });
    expect(pageRange(120, 25, 2990)).toEqual({ from: 2976, to: 2990 });
    expect(pageRange(1, 25, 0)).toEqual({ from: 0, to: 0 });
  });
});
