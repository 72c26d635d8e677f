// Company-sponsored consultation types: a member of a client company books them without paying
// (the database applies the sponsorship at booking, decision 0018). RLS shows members only what
// their own company sponsors, so an empty answer means "pay as usual".
import type { CarebookClient } from './client.ts';
import { runMapped } from './query.ts';
import type { Result } from './result.ts';

export interface SponsoredType {
  consultationTypeId: string;
  companyId: string;
  companyName: string;
}

/** Which of these types the signed-in person's company pays for, and the company's name. */
export function listMySponsoredTypes(
  client: CarebookClient,
  consultationTypeIds: string[],
): Promise<Result<SponsoredType[]>> {
  return runMapped(
    client
      .from('company_sponsored_types')
      .select('consultation_type_id, company_id, companies(name)')
      .in('consultation_type_id', consultationTypeIds),
    'sponsored types',
    (rows) =>
      rows.map((r) => ({
        consultationTypeId: r.consultation_type_id,
        companyId: r.company_id,
        companyName: r.companies?.name ?? '',
      })),
  );
}
