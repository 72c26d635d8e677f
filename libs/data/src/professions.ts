// The professions a practitioner may choose when onboarding, each with the registry that checks
// its registration number and the specialties offered within it. Readable signed out too.
import type { Registry } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { runMapped } from './query.ts';
import type { Result } from './result.ts';
import type { Specialty } from './practitioners.ts';

export interface Profession {
  code: string;
  name: { fr: string; en: string };
  registry: Registry;
  /** Sorted by French name. */
  specialties: Specialty[];
}

/** Active professions by French name, with their specialties. */
export function listProfessions(client: CarebookClient): Promise<Result<Profession[]>> {
  return runMapped(
    client
      .from('professions')
      .select('code, name_fr, name_en, registry, specialties(id, code, name_fr, name_en)')
      .eq('active', true)
      .order('name_fr'),
    'professions',
    (rows) =>
      rows.map((r) => ({
        code: r.code,
        name: { fr: r.name_fr, en: r.name_en },
        registry: r.registry,
        specialties: r.specialties
          .map((s) => ({ id: s.id, code: s.code, name: { fr: s.name_fr, en: s.name_en } }))
          .sort((a, b) => a.name.fr.localeCompare(b.name.fr, 'fr')),
      })),
  );
}
