import { describe, expect, it } from 'vitest';
import { groupListing, listDepth, listOptions, type ListedRow } from './listing.ts';

function row(name: string, minute: number): ListedRow {
  const at = new Date(Date.UTC(2025, 0, 1, 0, minute));
  return {
    name,
    id: `id-${name}`,
    created_at: at,
    updated_at: at,
    last_accessed_at: at,
    metadata: { size: minute },
  };
}

const rows = [
  row('u1/b.txt', 3),
  row('u1/a.txt', 5),
  row('u1/photos/x.png', 1),
  row('u1/photos/y.png', 2),
  row('u1/docs/deep/z.pdf', 4),
  row('top.txt', 6),
];

describe('list options', () => {
  it('fills Storage defaults and turns the prefix into a folder', () => {
    expect(listOptions({ prefix: 'u1' })).toEqual({
      prefix: 'u1/',
      search: '',
      limit: 100,
      offset: 0,
      sortBy: { column: 'name', order: 'asc' },
    });
  });

  it('ignores unknown sort columns and bad numbers', () => {
    const o = listOptions({ prefix: '', limit: -1, offset: 'x', sortBy: { column: 'size', order: 'up' } });
    expect(o).toMatchObject({ limit: 100, offset: 0, sortBy: { column: 'name', order: 'asc' } });
  });

  it('lists one level below the prefix', () => {
    expect(listDepth('', '')).toBe(1);
    expect(listDepth('u1/', '')).toBe(2);
    expect(listDepth('u1/photos/', 'x')).toBe(3);
  });
});

describe('list grouping', () => {
  it('shows folders first (name only) then files, each by name', () => {
    const inU1 = rows.filter((r) => r.name.startsWith('u1/'));
    const out = groupListing(inU1, listOptions({ prefix: 'u1' }));
    expect(out.map((e) => e.name)).toEqual(['docs', 'photos', 'a.txt', 'b.txt']);
    expect(out[0]).toEqual({
      name: 'docs',
      id: null,
      updated_at: null,
      created_at: null,
      last_accessed_at: null,
      metadata: null,
    });
    expect(out[2]).toMatchObject({ id: 'id-u1/a.txt', metadata: { size: 5 } });
  });

  it('lists the root as folders and top-level files', () => {
    const out = groupListing(rows, listOptions({ prefix: '' }));
    expect(out.map((e) => e.name)).toEqual(['u1', 'top.txt']);
  });

  it('sorts descending and by other columns', () => {
    const inU1 = rows.filter((r) => r.name.startsWith('u1/'));
    const byName = groupListing(
      inU1,
      listOptions({ prefix: 'u1/', sortBy: { column: 'name', order: 'desc' } }),
    );
    expect(byName.map((e) => e.name)).toEqual(['photos', 'docs', 'b.txt', 'a.txt']);
    const byTime = groupListing(
      inU1,
      listOptions({ prefix: 'u1/', sortBy: { column: 'updated_at', order: 'asc' } }),
    );
    expect(byTime.map((e) => e.name)).toEqual(['docs', 'photos', 'b.txt', 'a.txt']);
  });

  it('applies offset and limit over folders and files together', () => {
    const inU1 = rows.filter((r) => r.name.startsWith('u1/'));
    const page = groupListing(inU1, listOptions({ prefix: 'u1', offset: 1, limit: 2 }));
    expect(page.map((e) => e.name)).toEqual(['photos', 'a.txt']);
  });

  it('lists the level the search text sits on', () => {
    const matching = rows.filter((r) => r.name.startsWith('u1/photos/x'));
    const out = groupListing(matching, listOptions({ prefix: 'u1/photos', search: 'x' }));
    expect(out.map((e) => e.name)).toEqual(['x.png']);
  });
});
