// The staff catalogue editor's rules, the same bounds as the care_types table's checks, so a
// mistake is named beside its field before any request.
export interface CareTypeDraft {
  nameFr: string;
  nameEn: string;
  durationMinutes: number | null;
}

export type CareTypeField = 'nameFr' | 'nameEn' | 'durationMinutes';
export type CareTypeProblem = 'nameLength' | 'durationRange';

export const DURATION_MIN = 5;
export const DURATION_MAX = 240;

/** Field -> problem, empty when the draft can be saved. */
export function careTypeProblems(draft: CareTypeDraft): Partial<Record<CareTypeField, CareTypeProblem>> {
  const problems: Partial<Record<CareTypeField, CareTypeProblem>> = {};
  for (const field of ['nameFr', 'nameEn'] as const) {
    const length = draft[field].trim().length;
    if (length < 2 || length > 100) problems[field] = 'nameLength';
  }
  const d = draft.durationMinutes;
  if (d === null || !Number.isInteger(d) || d < DURATION_MIN || d > DURATION_MAX)
    problems.durationMinutes = 'durationRange';
  return problems;
}

/**
 * A stable code from the French name ("Prise de sang" -> "prise_de_sang"): lowercase letters and
 * underscores, starting with a letter, as the table requires; null when nothing usable remains.
 */
export function careTypeCode(nameFr: string): string | null {
  const code = nameFr
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 61)
    .replace(/_+$/, '');
  return /^[a-z][a-z_]{1,60}$/.test(code) ? code : null;
}
