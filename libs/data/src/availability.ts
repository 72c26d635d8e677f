// A practitioner's availability: weekly rules in local wall-clock time, and dated exceptions
// (time off closes, extra opens). RLS lets practitioners touch their own rows only.
import {
  formatInstantRange,
  parseInstantRange,
  type ConsultationMode,
  type ExceptionKind,
  type InstantRange,
  type Tables,
} from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { currentUserId, runMapped } from './query.ts';
import { fail, ok, type Result } from './result.ts';

export interface AvailabilityRule {
  id: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Local wall-clock times, HH:MM, in the practitioner's time zone. */
  start: string;
  end: string;
  validFrom: string | null;
  validUntil: string | null;
  /** Only for these types or modes; null means all. */
  consultationTypeIds: string[] | null;
  modes: ConsultationMode[] | null;
}

export type AvailabilityRuleInput = Omit<
  AvailabilityRule,
  'id' | 'validFrom' | 'validUntil' | 'consultationTypeIds' | 'modes'
> &
  Partial<Pick<AvailabilityRule, 'validFrom' | 'validUntil' | 'consultationTypeIds' | 'modes'>>;

const RULE_COLUMNS =
  'id, weekday, start_time, end_time, valid_from, valid_until, consultation_type_ids, modes';
type RuleRow = Pick<
  Tables<'availability_rules'>,
  | 'id'
  | 'weekday'
  | 'start_time'
  | 'end_time'
  | 'valid_from'
  | 'valid_until'
  | 'consultation_type_ids'
  | 'modes'
>;

const hhmm = (time: string) => time.slice(0, 5);

function toRule(r: RuleRow): AvailabilityRule {
  return {
    id: r.id,
    weekday: r.weekday,
    start: hhmm(r.start_time),
    end: hhmm(r.end_time),
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    consultationTypeIds: r.consultation_type_ids,
    modes: r.modes,
  };
}

function ruleRow(input: Partial<AvailabilityRuleInput>) {
  return {
    ...(input.weekday !== undefined && { weekday: input.weekday }),
    ...(input.start !== undefined && { start_time: input.start }),
    ...(input.end !== undefined && { end_time: input.end }),
    ...(input.validFrom !== undefined && { valid_from: input.validFrom }),
    ...(input.validUntil !== undefined && { valid_until: input.validUntil }),
    ...(input.consultationTypeIds !== undefined && { consultation_type_ids: input.consultationTypeIds }),
    ...(input.modes !== undefined && { modes: input.modes }),
  };
}

export async function listAvailabilityRules(client: CarebookClient): Promise<Result<AvailabilityRule[]>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  return runMapped(
    client
      .from('availability_rules')
      .select(RULE_COLUMNS)
      .eq('practitioner_id', me.data)
      .order('weekday')
      .order('start_time'),
    'availability rules',
    (rows) => rows.map(toRule),
  );
}

export async function addAvailabilityRule(
  client: CarebookClient,
  input: AvailabilityRuleInput,
): Promise<Result<AvailabilityRule>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const row = {
    ...ruleRow(input),
    practitioner_id: me.data,
    weekday: input.weekday,
    start_time: input.start,
    end_time: input.end,
  };
  return runMapped(
    client.from('availability_rules').insert(row).select(RULE_COLUMNS).single(),
    'new rule',
    toRule,
  );
}

export function updateAvailabilityRule(
  client: CarebookClient,
  id: string,
  patch: Partial<AvailabilityRuleInput>,
): Promise<Result<AvailabilityRule>> {
  return runMapped(
    client.from('availability_rules').update(ruleRow(patch)).eq('id', id).select(RULE_COLUMNS).maybeSingle(),
    `rule ${id}`,
    toRule,
  );
}

export async function deleteAvailabilityRule(
  client: CarebookClient,
  id: string,
): Promise<Result<{ id: string }>> {
  return runMapped(
    client.from('availability_rules').delete().eq('id', id).select('id').maybeSingle(),
    `rule ${id}`,
    (r) => r,
  );
}

export interface AvailabilityException extends InstantRange {
  id: string;
  kind: ExceptionKind;
  consultationTypeIds: string[] | null;
  note: string | null;
}

export type AvailabilityExceptionInput = Omit<AvailabilityException, 'id' | 'consultationTypeIds' | 'note'> &
  Partial<Pick<AvailabilityException, 'consultationTypeIds' | 'note'>>;

const EXCEPTION_COLUMNS = 'id, kind, during, consultation_type_ids, note';
type ExceptionRow = Pick<
  Tables<'availability_exceptions'>,
  'id' | 'kind' | 'during' | 'consultation_type_ids' | 'note'
>;

function toException(r: ExceptionRow): Result<AvailabilityException> {
  const range = parseInstantRange(String(r.during));
  if (!range) return fail({ code: 'unexpected_data', message: `exception ${r.id} has no bounded range` });
  return ok({ id: r.id, kind: r.kind, ...range, consultationTypeIds: r.consultation_type_ids, note: r.note });
}

function allOk<T>(results: Result<T>[]): Result<T[]> {
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  return ok(results.map((r) => (r as { ok: true; data: T }).data));
}

/** Exceptions overlapping [from, to). */
export async function listAvailabilityExceptions(
  client: CarebookClient,
  window: InstantRange,
): Promise<Result<AvailabilityException[]>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const listed = await runMapped(
    client
      .from('availability_exceptions')
      .select(EXCEPTION_COLUMNS)
      .eq('practitioner_id', me.data)
      .overlaps('during', formatInstantRange(window))
      .order('during'),
    'availability exceptions',
    (rows) => allOk(rows.map(toException)),
  );
  return listed.ok ? listed.data : listed;
}

export async function addAvailabilityException(
  client: CarebookClient,
  input: AvailabilityExceptionInput,
): Promise<Result<AvailabilityException>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const added = await runMapped(
    client
      .from('availability_exceptions')
      .insert({
        practitioner_id: me.data,
        kind: input.kind,
        during: formatInstantRange(input),
        consultation_type_ids: input.consultationTypeIds ?? null,
        note: input.note ?? null,
      })
      .select(EXCEPTION_COLUMNS)
      .single(),
    'new exception',
    toException,
  );
  return added.ok ? added.data : added;
}

export async function updateAvailabilityException(
  client: CarebookClient,
  id: string,
  patch: Partial<AvailabilityExceptionInput>,
): Promise<Result<AvailabilityException>> {
  if ((patch.from === undefined) !== (patch.to === undefined))
    return fail({ code: 'invalid_input', message: 'give both ends of the range' });
  const updated = await runMapped(
    client
      .from('availability_exceptions')
      .update({
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.from !== undefined &&
          patch.to !== undefined && { during: formatInstantRange({ from: patch.from, to: patch.to }) }),
        ...(patch.consultationTypeIds !== undefined && { consultation_type_ids: patch.consultationTypeIds }),
        ...(patch.note !== undefined && { note: patch.note }),
      })
      .eq('id', id)
      .select(EXCEPTION_COLUMNS)
      .maybeSingle(),
    `exception ${id}`,
    toException,
  );
  return updated.ok ? updated.data : updated;
}

export function deleteAvailabilityException(
  client: CarebookClient,
  id: string,
): Promise<Result<{ id: string }>> {
  return runMapped(
    client.from('availability_exceptions').delete().eq('id', id).select('id').maybeSingle(),
    `exception ${id}`,
    (r) => r,
  );
}
