import { describe, expect, it } from 'vitest';
import type { CalendarBooking, PractitionerCalendar } from '@carebook/data';
import {
  TYPE_COLOURS,
  calendarEvents,
  parseEventId,
  typeColour,
  type EventTexts,
} from './calendar-events.ts';

const texts: EventTexts = {
  unnamedPatient: 'Patient',
  status: (s) => `status:${s}`,
  timeOff: 'Time off',
  extra: 'Extra opening',
  busy: 'Busy',
  attention: 'check: changed in Google',
};

const booking = (over: Partial<CalendarBooking> = {}): CalendarBooking => ({
  id: 'ap1',
  startsAt: '2027-03-29T07:00:00.000Z',
  endsAt: '2027-03-29T07:30:00.000Z',
  status: 'confirmed',
  holdExpiresAt: null,
  mode: 'video',
  priceCents: 6000,
  currency: 'EUR',
  consultationTypeId: 't2',
  bookedAt: '2027-03-01T10:00:00.000Z',
  sponsored: false,
  paymentStatus: null,
  videoUrl: null,
  needsAttention: null,
  patient: { id: 'p1', fullName: 'Ana Martin', email: 'ana@example.test', phone: null },
  ...over,
});

const calendar = (appointments: CalendarBooking[]): PractitionerCalendar => ({
  timeZone: 'Europe/Paris',
  types: [
    {
      id: 't1',
      name: { fr: 'Séance', en: 'Session' },
      durationMinutes: 30,
      mode: 'video',
      active: true,
      ordinal: 0,
    },
    {
      id: 't2',
      name: { fr: 'Bilan', en: null },
      durationMinutes: 30,
      mode: 'video',
      active: true,
      ordinal: 1,
    },
  ],
  appointments,
  exceptions: [
    {
      id: 'x1',
      kind: 'time_off',
      from: '2027-03-29T10:00:00.000Z',
      to: '2027-03-29T11:00:00.000Z',
      note: 'Dentist',
    },
    { id: 'x2', kind: 'extra', from: '2027-03-30T16:00:00.000Z', to: '2027-03-30T18:00:00.000Z', note: null },
  ],
  busy: [{ id: 'b1', source: 'google', from: '2027-03-31T08:00:00.000Z', to: '2027-03-31T09:00:00.000Z' }],
});

describe('calendarEvents', () => {
  it('turns a confirmed appointment into a filled event in its type colour, movable but not resizable', () => {
    const [ev] = calendarEvents(calendar([booking()]), 'en', texts);
    expect(ev).toMatchObject({
      id: 'a:ap1',
      title: 'Ana Martin · Bilan', // no English name: the French one
      start: '2027-03-29T07:00:00.000Z',
      end: '2027-03-29T07:30:00.000Z',
      color: TYPE_COLOURS[1],
      contrastColor: '#ffffff',
      startEditable: true,
      durationEditable: false,
      extendedProps: { kind: 'appointment', rowId: 'ap1', status: 'confirmed' },
    });
    expect(ev!.className).toContain('cb-status-confirmed');
  });

  it('writes the status out when it is not confirmed and outlines held and no-show ones', () => {
    const events = calendarEvents(
      calendar([
        booking({ id: 'h', status: 'held', consultationTypeId: 't1' }),
        booking({
          id: 'n',
          status: 'no_show',
          patient: { id: 'p', fullName: null, email: null, phone: null },
        }),
        booking({ id: 'c', status: 'completed' }),
      ]),
      'en',
      texts,
    );
    expect(events.slice(0, 3).map((e) => [e.title, e.color, e.startEditable])).toEqual([
      ['Ana Martin · Session (status:held)', '#ffffff', true],
      ['Patient · Bilan (status:no_show)', '#ffffff', false],
      ['Ana Martin · Bilan (status:completed)', TYPE_COLOURS[1], false],
    ]);
    expect(events[1]!.className).toContain('cb-status-no-show');
  });

  it('draws time off and extra openings as editable blocks, busy times as background', () => {
    const events = calendarEvents(calendar([]), 'fr', texts);
    expect(
      events.map((e) => [e.id, e.title, e.display ?? 'auto', e.startEditable, e.durationEditable]),
    ).toEqual([
      ['x:x1', 'Time off · Dentist', 'auto', true, true],
      ['x:x2', 'Extra opening', 'auto', true, true],
      ['b:b1', 'Busy', 'background', false, false],
    ]);
  });

  it('cycles type colours and parses ids back', () => {
    expect(typeColour(TYPE_COLOURS.length)).toBe(TYPE_COLOURS[0]);
    expect(parseEventId('a:123')).toEqual({ kind: 'appointment', rowId: '123' });
    expect(parseEventId('x:9')).toEqual({ kind: 'block', rowId: '9' });
    expect(parseEventId('zzz')).toBeNull();
  });
});

describe('changes made in Google', () => {
  it('marks an appointment whose Google event moved, in its name and its class, and leaves others alone', () => {
    const events = calendarEvents(
      calendar([booking(), booking({ id: 'ap2', needsAttention: 'moved_in_google' })]),
      'en',
      texts,
    );
    const [plain, flagged] = events.filter((e) => e.id?.startsWith('a:'));
    expect(plain?.title).not.toContain('check');
    expect(String(plain?.className)).not.toContain('cb-attention');
    expect(flagged?.title).toBe('Ana Martin · Bilan · check: changed in Google');
    expect(String(flagged?.className)).toContain('cb-attention');
  });
});
