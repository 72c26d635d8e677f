// Consultation types: what a practitioner offers (duration, price, mode and booking rules).
// Patients read the active ones of published practitioners; practitioners manage their own.
import type { ConsultationMode, Tables, TablesInsert } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { currentUserId, runMapped } from './query.ts';
import type { Result } from './result.ts';

export interface ConsultationType {
  id: string;
  practitionerId: string;
  name: { fr: string; en: string | null };
  durationMinutes: number;
  priceCents: number;
  currency: string;
  mode: ConsultationMode;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  slotStepMinutes: number;
  cancelCutoffHours: number;
  holdMinutes: number;
  /** Reminders go out this many minutes before each appointment. */
  reminderMinutes: number[];
  active: boolean;
}

/** What a practitioner fills in; the rest keeps the database's defaults. */
export type ConsultationTypeInput = Pick<
  ConsultationType,
  'name' | 'durationMinutes' | 'priceCents' | 'mode'
> &
  Partial<
    Pick<
      ConsultationType,
      | 'bufferBeforeMinutes'
      | 'bufferAfterMinutes'
      | 'minNoticeMinutes'
      | 'horizonDays'
      | 'slotStepMinutes'
      | 'cancelCutoffHours'
      | 'holdMinutes'
      | 'reminderMinutes'
      | 'active'
    >
  >;

const COLUMNS =
  'id, practitioner_id, name_fr, name_en, duration_minutes, price_cents, currency, mode, buffer_before_minutes, buffer_after_minutes, min_notice_minutes, horizon_days, slot_step_minutes, cancel_cutoff_hours, hold_minutes, reminder_minutes, active';

type Row = Omit<Tables<'consultation_types'>, 'created_at' | 'updated_at'>;

export function toConsultationType(r: Row): ConsultationType {
  return {
    id: r.id,
    practitionerId: r.practitioner_id,
    name: { fr: r.name_fr, en: r.name_en },
    durationMinutes: r.duration_minutes,
    priceCents: r.price_cents,
    currency: r.currency,
    mode: r.mode,
    bufferBeforeMinutes: r.buffer_before_minutes,
    bufferAfterMinutes: r.buffer_after_minutes,
    minNoticeMinutes: r.min_notice_minutes,
    horizonDays: r.horizon_days,
    slotStepMinutes: r.slot_step_minutes,
    cancelCutoffHours: r.cancel_cutoff_hours,
    holdMinutes: r.hold_minutes,
    reminderMinutes: r.reminder_minutes,
    active: r.active,
  };
}

function toRow(input: Partial<ConsultationTypeInput>): Partial<TablesInsert<'consultation_types'>> {
  return {
    ...(input.name && { name_fr: input.name.fr, name_en: input.name.en }),
    ...(input.durationMinutes !== undefined && { duration_minutes: input.durationMinutes }),
    ...(input.priceCents !== undefined && { price_cents: input.priceCents }),
    ...(input.mode && { mode: input.mode }),
    ...(input.bufferBeforeMinutes !== undefined && { buffer_before_minutes: input.bufferBeforeMinutes }),
    ...(input.bufferAfterMinutes !== undefined && { buffer_after_minutes: input.bufferAfterMinutes }),
    ...(input.minNoticeMinutes !== undefined && { min_notice_minutes: input.minNoticeMinutes }),
    ...(input.horizonDays !== undefined && { horizon_days: input.horizonDays }),
    ...(input.slotStepMinutes !== undefined && { slot_step_minutes: input.slotStepMinutes }),
    ...(input.cancelCutoffHours !== undefined && { cancel_cutoff_hours: input.cancelCutoffHours }),
    ...(input.holdMinutes !== undefined && { hold_minutes: input.holdMinutes }),
    ...(input.reminderMinutes !== undefined && { reminder_minutes: input.reminderMinutes }),
    ...(input.active !== undefined && { active: input.active }),
  };
}

/** A practitioner's types, shortest first; patients see active ones of published practitioners only (RLS). */
export function listConsultationTypes(
  client: CarebookClient,
  practitionerId: string,
  options: { activeOnly?: boolean } = {},
): Promise<Result<ConsultationType[]>> {
  let query = client.from('consultation_types').select(COLUMNS).eq('practitioner_id', practitionerId);
  if (options.activeOnly ?? true) query = query.eq('active', true);
  return runMapped(query.order('duration_minutes').order('id'), 'consultation types', (rows) =>
    rows.map(toConsultationType),
  );
}

export async function createConsultationType(
  client: CarebookClient,
  input: ConsultationTypeInput,
): Promise<Result<ConsultationType>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const row = { ...toRow(input), practitioner_id: me.data } as TablesInsert<'consultation_types'>;
  return runMapped(
    client.from('consultation_types').insert(row).select(COLUMNS).single(),
    'new consultation type',
    toConsultationType,
  );
}

export function updateConsultationType(
  client: CarebookClient,
  id: string,
  patch: Partial<ConsultationTypeInput>,
): Promise<Result<ConsultationType>> {
  // RLS lets practitioners update their own types only: another's id matches no row (not_found).
  return runMapped(
    client.from('consultation_types').update(toRow(patch)).eq('id', id).select(COLUMNS).maybeSingle(),
    `consultation type ${id}`,
    toConsultationType,
  );
}
