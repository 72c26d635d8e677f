// What the search field suggests before any name: every profession and specialty, in both
// languages. Reference data (a few hundred rows at most), read once per visit.
import type { CarebookClient } from './client.ts';
import { runMapped } from './query.ts';
import type { Result } from './result.ts';

export interface SearchTerm {
  kind: 'profession' | 'specialty';
  /** The profession's code; for a specialty, its own code. */
  code: string;
  /** The profession a specialty belongs to (its own code for a profession). */
  professionCode: string;
  name: { fr: string; en: string };
}

export async function listSearchTerms(client: CarebookClient): Promise<Result<SearchTerm[]>> {
  const [professions, specialties] = await Promise.all([
    runMapped(
      client.from('professions').select('code, name_fr, name_en').eq('active', true).order('name_fr'),
      'professions',
      (rows) =>
        rows.map((r): SearchTerm => ({
          kind: 'profession',
          code: r.code,
          professionCode: r.code,
          name: { fr: r.name_fr, en: r.name_en },
        })),
    ),
    runMapped(
      client.from('specialties').select('code, profession_code, name_fr, name_en').order('name_fr'),
      'specialties',
      (rows) =>
        rows.map((r): SearchTerm => ({
          kind: 'specialty',
          code: r.code,
          professionCode: r.profession_code,
          name: { fr: r.name_fr, en: r.name_en },
        })),
    ),
  ]);
  if (!professions.ok) return professions;
  if (!specialties.ok) return specialties;
  return { ok: true, data: [...professions.data, ...specialties.data] };
}
