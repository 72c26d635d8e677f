// What `list(prefix)` answers: the entries one level below the prefix, folders first (name only,
// every other field null) then files, each sorted, then offset and limit over the whole list,
// as Storage's search function does.
import { folderPrefix } from './keys.ts';

export type SortColumn = 'name' | 'updated_at' | 'created_at' | 'last_accessed_at';
export type SortOrder = 'asc' | 'desc';

export interface ListOptions {
  prefix: string;
  search: string;
  limit: number;
  offset: number;
  sortBy: { column: SortColumn; order: SortOrder };
}

export interface ListedRow {
  name: string;
  id: string;
  updated_at: Date | string | null;
  created_at: Date | string | null;
  last_accessed_at: Date | string | null;
  metadata: Record<string, unknown> | null;
}

export interface ListEntry {
  name: string;
  id: string | null;
  updated_at: Date | string | null;
  created_at: Date | string | null;
  last_accessed_at: Date | string | null;
  metadata: Record<string, unknown> | null;
}

const SORT_COLUMNS: readonly SortColumn[] = ['name', 'updated_at', 'created_at', 'last_accessed_at'];

/** Reads the request body with Storage's defaults (supabase-js always sends prefix). */
export function listOptions(body: Record<string, unknown>): ListOptions {
  const num = (v: unknown, fallback: number, min: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min ? v : fallback;
  const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
  const column = SORT_COLUMNS.includes(sortBy.column as SortColumn) ? (sortBy.column as SortColumn) : 'name';
  const order: SortOrder = sortBy.order === 'desc' ? 'desc' : 'asc';
  return {
    prefix: folderPrefix(typeof body.prefix === 'string' ? body.prefix : ''),
    search: typeof body.search === 'string' ? body.search : '',
    limit: num(body.limit, 100, 1),
    offset: num(body.offset, 0, 0),
    sortBy: { column, order },
  };
}

/** The path depth listed: "" -> 1, "a/" -> 2, "a/b/" -> 3. */
export function listDepth(prefix: string, search: string): number {
  return (prefix + search).split('/').length;
}

function compare(a: unknown, b: unknown): number {
  // Nulls last in ascending order, as Postgres sorts them.
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Groups the rows whose names start with prefix + search into one level of folders and files. */
export function groupListing(rows: readonly ListedRow[], options: ListOptions): ListEntry[] {
  const depth = listDepth(options.prefix, options.search);
  const sign = options.sortBy.order === 'desc' ? -1 : 1;
  const folders = new Set<string>();
  const files: ListEntry[] = [];
  for (const row of rows) {
    const tokens = row.name.split('/');
    const name = tokens[depth - 1];
    if (name === undefined) continue;
    if (tokens.length > depth) folders.add(name);
    else files.push({ ...row, name });
  }
  const folderEntries: ListEntry[] = [...folders]
    .sort((a, b) => sign * compare(a, b))
    .map((name) => ({
      name,
      id: null,
      updated_at: null,
      created_at: null,
      last_accessed_at: null,
      metadata: null,
    }));
  const column = options.sortBy.column;
  files.sort((a, b) => sign * compare(a[column], b[column]) || compare(a.name, b.name));
  return [...folderEntries, ...files].slice(options.offset, options.offset + options.limit);
}
