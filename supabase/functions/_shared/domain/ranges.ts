// GENERATED from libs/domain/src/ranges.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// Postgres tstzrange values as PostgREST sends them ('["2027-03-01 09:00:00+00","2027-03-01 10:00:00+00")')
// and as it accepts them, turned into plain instants. Half-open [from, to), as the database
// stores every range here.

export interface InstantRange {
  /** ISO instant, included. */
  from: string;
  /** ISO instant, excluded. */
  to: string;
}

const RANGE = /^\[\s*"?([^",]+)"?\s*,\s*"?([^",)]+)"?\s*\)$/;

/** Reads a bounded `[from,to)` range; null for an empty, unbounded or malformed one. */
export function parseInstantRange(text: string): InstantRange | null {
  const match = RANGE.exec(text.trim());
  if (!match) return null;
  const from = Date.parse(normalise(match[1] ?? ''));
  const to = Date.parse(normalise(match[2] ?? ''));
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) return null;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The literal Postgres reads as the same half-open range. */
export function formatInstantRange(range: InstantRange): string {
  return `[${new Date(range.from).toISOString()},${new Date(range.to).toISOString()})`;
}

// "2027-03-01 09:00:00+00" -> "2027-03-01T09:00:00+00:00": what Date.parse reads everywhere.
function normalise(value: string): string {
  return value
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d{2})$/, '$1:00');
}
