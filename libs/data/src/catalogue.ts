// The catalogue staff keep: professions and their specialties, in French and English. Anyone reads
// it; only staff may write (RLS). A rename reaches the search text of every practitioner concerned
// through a database trigger, so search finds them under the new name at once.
import type { Registry } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { run, runMapped } from './query.ts';
import { ok, type Result } from './result.ts';

export interface CatalogueSpecialty {
  id: string;
  code: string;
  name: { fr: string; en: string };
  /** Practitioners offering it (their search text carries its names). */
  practitionerCount: number;
}

export interface CatalogueProfession {
  code: string;
  name: { fr: string; en: string };
  registry: Registry;
  regulated: boolean;
  active: boolean;
  practitionerCount: number;
  specialties: CatalogueSpecialty[];
}

/** Every profession with its specialties and how many practitioners each name reaches. */
export function listCatalogue(client: CarebookClient): Promise<Result<CatalogueProfession[]>> {
  return runMapped(
    client
      .from('professions')
      .select(
        'code, name_fr, name_en, registry, regulated, active, practitioners(count), specialties(id, code, name_fr, name_en, practitioner_specialties(count))',
      )
      .order('name_fr'),
    'professions',
    (rows) =>
      rows.map((r) => ({
        code: r.code,
        name: { fr: r.name_fr, en: r.name_en },
        registry: r.registry,
        regulated: r.regulated,
        active: r.active,
        practitionerCount: r.practitioners[0]?.count ?? 0,
        specialties: r.specialties
          .map((s) => ({
            id: s.id,
            code: s.code,
            name: { fr: s.name_fr, en: s.name_en },
            practitionerCount: s.practitioner_specialties[0]?.count ?? 0,
          }))
          .sort((a, b) => a.name.fr.localeCompare(b.name.fr, 'fr')),
      })),
  );
}

export interface CatalogueNames {
  fr: string;
  en: string;
}

/** Renames a profession (staff only: RLS shows no row to update otherwise, answered not_found). */
export async function renameProfession(
  client: CarebookClient,
  code: string,
  name: CatalogueNames,
): Promise<Result<null>> {
  const result = await run(
    client
      .from('professions')
      .update({ name_fr: name.fr.trim(), name_en: name.en.trim() })
      .eq('code', code)
      .select('code')
      .maybeSingle(),
    `profession ${code}`,
  );
  return result.ok ? ok(null) : result;
}

export async function renameSpecialty(
  client: CarebookClient,
  id: string,
  name: CatalogueNames,
): Promise<Result<null>> {
  const result = await run(
    client
      .from('specialties')
      .update({ name_fr: name.fr.trim(), name_en: name.en.trim() })
      .eq('id', id)
      .select('id')
      .maybeSingle(),
    `specialty ${id}`,
  );
  return result.ok ? ok(null) : result;
}

export async function addSpecialty(
  client: CarebookClient,
  professionCode: string,
  code: string,
  name: CatalogueNames,
): Promise<Result<null>> {
  const result = await run(
    client
      .from('specialties')
      .insert({ profession_code: professionCode, code, name_fr: name.fr.trim(), name_en: name.en.trim() })
      .select('id')
      .single(),
    'specialty',
  );
  return result.ok ? ok(null) : result;
}

/** How many practitioners a search for this text finds (published ones: what patients see). */
export async function countSearchMatches(client: CarebookClient, text: string): Promise<Result<number>> {
  return runMapped(
    client.rpc('search_practitioners', { p_text: text, p_limit: 50 }),
    'search',
    (rows) => rows.length,
  );
}
