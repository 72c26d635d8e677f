// An availability exception as the form edits it (local dates and times in the practitioner's
// zone) and as the database stores it (a half-open range of instants), both ways.
import { addDays, zonedInstant, zonedParts, type ExceptionKind } from '@carebook/domain';
import type { ExceptionDraft } from './availability-validation.ts';

export interface ExceptionForm extends ExceptionDraft {
  kind: ExceptionKind;
  wholeDay: boolean;
  typeId: string | null;
  note: string;
}

/** [from, to) instants of the form's local dates and times; whole days end at the next midnight. */
export function formRange(form: ExceptionForm, zone: string): { from: string; to: string } {
  const from = zonedInstant(zone, form.fromDate, form.wholeDay ? '00:00' : form.fromTime!);
  const to = form.wholeDay
    ? zonedInstant(zone, addDays(form.toDate, 1), '00:00')
    : zonedInstant(zone, form.toDate, form.toTime!);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The form for a stored exception: whole days when it runs midnight to midnight locally. */
export function rangeForm(
  range: {
    from: string;
    to: string;
    kind: ExceptionKind;
    consultationTypeIds: string[] | null;
    note: string | null;
  },
  zone: string,
): ExceptionForm {
  const start = zonedParts(zone, Date.parse(range.from));
  const end = zonedParts(zone, Date.parse(range.to));
  const wholeDay = start.time === '00:00' && end.time === '00:00';
  return {
    kind: range.kind,
    wholeDay,
    fromDate: start.date,
    toDate: wholeDay ? addDays(end.date, -1) : end.date,
    fromTime: wholeDay ? null : start.time,
    toTime: wholeDay ? null : end.time,
    typeId: range.consultationTypeIds?.[0] ?? null,
    note: range.note ?? '',
  };
}
