// For unit specs: the professions and specialties of supabase/seed.sql, read from the file itself
// so that the specs follow the reference data instead of keeping a copy of it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Reference } from './generate.ts';
import type { Registry } from './registration.ts';
import { Random } from './random.ts';
import { repoRoot } from './stack-status.ts';

/** The quoted strings and bare words of every `(...)` tuple in an INSERT's VALUES list. */
function tuples(sql: string, table: string): string[][] {
  const start = sql.indexOf(`insert into public.${table} `);
  if (start < 0) throw new Error(`seed.sql has no insert into public.${table}`);
  const body = sql.slice(start, sql.indexOf(';', sql.indexOf(' values', start)));
  return [...body.matchAll(/^\s*\((.*)\),?$/gm)].map((m) =>
    [...m[1]!.matchAll(/'((?:[^']|'')*)'|(\w+)/g)].map((v) =>
      v[1] !== undefined ? v[1].replace(/''/g, "'") : v[2]!,
    ),
  );
}

export function referenceFromSeedSql(): Reference {
  const sql = readFileSync(path.join(repoRoot, 'supabase', 'seed.sql'), 'utf8');
  const professions = tuples(sql, 'professions').map(([code, name_fr, name_en, registry]) => ({
    code: code!,
    name_fr: name_fr!,
    name_en: name_en!,
    registry: registry as Registry,
  }));
  // The database gives specialties random ids; any fixed ones do for generation.
  const ids = new Random('specialty-ids');
  const specialties = tuples(sql, 'specialties').map(([profession_code, code, name_fr, name_en]) => ({
    id: ids.uuid(),
    profession_code: profession_code!,
    code: code!,
    name_fr: name_fr!,
    name_en: name_en!,
  }));
  return { professions, specialties };
}
