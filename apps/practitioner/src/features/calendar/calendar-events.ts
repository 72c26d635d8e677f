// What the calendar draws, from what practitioner_calendar returned: appointments coloured by
// their consultation type (Google Calendar colours by calendar; ours by type) and styled by
// status, time off and extra openings as blocks the practitioner moves and resizes, external busy
// times greyed in the background. Pure, so the mapping is unit-tested without a browser. Texts
// come from a translator, and the FullCalendar event shape is kept as a plain object here.
import type {
  CalendarBlock,
  CalendarBooking,
  CalendarBusy,
  CalendarType,
  PractitionerCalendar,
} from '@carebook/data';
import type { AppointmentStatus, Locale } from '@carebook/domain';

/**
 * Type colours, each dark enough for white text (contrast 4.5:1 or more), assigned in the order
 * the practitioner created their types.
 */
export const TYPE_COLOURS = [
  '#1a5fb4', // blue
  '#2e7d32', // green
  '#8e24aa', // purple
  '#c2185b', // pink
  '#a84300', // amber, darkened
  '#00695c', // teal
  '#3949ab', // indigo
  '#5d4037', // brown
] as const;

export const BLOCK_COLOURS = {
  time_off: { fill: '#e0e0e0', text: '#1f1f1f' },
  extra: { fill: '#e6f4ea', text: '#0d5223' },
  busy: '#9e9e9e',
} as const;

export function typeColour(ordinal: number): string {
  const n = TYPE_COLOURS.length;
  return TYPE_COLOURS[((ordinal % n) + n) % n]!;
}

export type CalendarItemKind = 'appointment' | 'block' | 'busy';

/** What an event carries for the page's handlers, without the page looking it up again. */
export interface CalendarItemProps {
  kind: CalendarItemKind;
  /** The row's id (appointment, exception or busy interval). */
  rowId: string;
  status?: AppointmentStatus;
}

/** The subset of FullCalendar's EventInput these events use. */
export interface CalendarEventInput {
  id: string;
  title: string;
  start: string;
  end: string;
  display?: 'auto' | 'background';
  color?: string;
  contrastColor?: string;
  className: string;
  startEditable: boolean;
  durationEditable: boolean;
  interactive?: boolean;
  extendedProps: CalendarItemProps;
}

export interface EventTexts {
  /** A patient without a name on file. */
  unnamedPatient: string;
  status: (status: AppointmentStatus) => string;
  timeOff: string;
  extra: string;
  busy: string;
  /** Said after an appointment whose Google event was moved or deleted there. */
  attention: string;
}

/** A type's name in the reader's language, French when it has no English name. */
export function typeName(type: CalendarType | undefined, locale: Locale): string {
  if (!type) return '';
  return (locale === 'en' && type.name.en) || type.name.fr;
}

/** Appointments that can still move: not over, not cancelled. */
export function isMovable(status: AppointmentStatus): boolean {
  return status === 'held' || status === 'confirmed';
}

export function appointmentEvent(
  a: CalendarBooking,
  types: ReadonlyMap<string, CalendarType>,
  locale: Locale,
  texts: EventTexts,
): CalendarEventInput {
  const type = types.get(a.consultationTypeId);
  const who = a.patient.fullName?.trim() || texts.unnamedPatient;
  const what = typeName(type, locale);
  // The status is written out unless confirmed (the ordinary case), so colour is never the only
  // sign of it (WCAG 1.4.1) and screen readers hear it in the event's name.
  const status = a.status === 'confirmed' ? '' : ` (${texts.status(a.status)})`;
  const attention = a.needsAttention ? ` · ${texts.attention}` : '';
  const colour = typeColour(type?.ordinal ?? 0);
  const movable = isMovable(a.status);
  return {
    id: `a:${a.id}`,
    title: `${who}${what ? ` · ${what}` : ''}${status}${attention}`,
    start: a.startsAt,
    end: a.endsAt,
    // Held and no-show appointments are outlined in the type's colour (white fill, dark text);
    // confirmed and completed ones are filled.
    ...(a.status === 'held' || a.status === 'no_show'
      ? { color: '#ffffff', contrastColor: '#1f1f1f' }
      : { color: colour, contrastColor: '#ffffff' }),
    className: `cb-appt cb-status-${a.status.replace('_', '-')} cb-type-${type?.ordinal ?? 0}${a.needsAttention ? ' cb-attention' : ''}`,
    startEditable: movable,
    // A consultation lasts what its type says: only its start moves.
    durationEditable: false,
    extendedProps: { kind: 'appointment', rowId: a.id, status: a.status },
  };
}

export function blockEvent(b: CalendarBlock, texts: EventTexts): CalendarEventInput {
  const label = b.kind === 'time_off' ? texts.timeOff : texts.extra;
  const colours = BLOCK_COLOURS[b.kind];
  return {
    id: `x:${b.id}`,
    title: b.note ? `${label} · ${b.note}` : label,
    start: b.from,
    end: b.to,
    color: colours.fill,
    contrastColor: colours.text,
    className: `cb-block cb-block-${b.kind.replace('_', '-')}`,
    startEditable: true,
    durationEditable: true,
    extendedProps: { kind: 'block', rowId: b.id },
  };
}

export function busyEvent(b: CalendarBusy, texts: EventTexts): CalendarEventInput {
  return {
    id: `b:${b.id}`,
    title: texts.busy,
    start: b.from,
    end: b.to,
    display: 'background',
    color: BLOCK_COLOURS.busy,
    className: 'cb-busy',
    startEditable: false,
    durationEditable: false,
    interactive: false,
    extendedProps: { kind: 'busy', rowId: b.id },
  };
}

/** Every event of one answer, appointments first (FullCalendar orders by time anyway). */
export function calendarEvents(
  cal: PractitionerCalendar,
  locale: Locale,
  texts: EventTexts,
): CalendarEventInput[] {
  const types = new Map(cal.types.map((t) => [t.id, t]));
  return [
    ...cal.appointments.map((a) => appointmentEvent(a, types, locale, texts)),
    ...cal.exceptions.map((b) => blockEvent(b, texts)),
    ...cal.busy.map((b) => busyEvent(b, texts)),
  ];
}

/** Parses an event id made here back into its kind and row id. */
export function parseEventId(id: string): { kind: CalendarItemKind; rowId: string } | null {
  const m = /^([axb]):(.+)$/.exec(id);
  if (!m) return null;
  const kind = ({ a: 'appointment', x: 'block', b: 'busy' } as const)[m[1] as 'a' | 'x' | 'b'];
  return { kind, rowId: m[2]! };
}
