import { describe, expect, it } from 'vitest';
import { formRange, rangeForm, type ExceptionForm } from './exception-form.ts';

const base: ExceptionForm = {
  kind: 'time_off',
  wholeDay: false,
  fromDate: '2027-03-26',
  toDate: '2027-03-26',
  fromTime: '14:00',
  toTime: '16:30',
  typeId: null,
  note: '',
};

describe('exception form', () => {
  it('reads local times in the practitioner zone', () => {
    expect(formRange(base, 'Europe/Paris')).toEqual({
      from: '2027-03-26T13:00:00.000Z',
      to: '2027-03-26T15:30:00.000Z',
    });
  });

  it('makes whole days run to the next local midnight, across a DST change', () => {
    const r = formRange(
      { ...base, wholeDay: true, fromDate: '2027-03-27', toDate: '2027-03-28' },
      'Europe/Paris',
    );
    expect(r).toEqual({ from: '2027-03-26T23:00:00.000Z', to: '2027-03-28T22:00:00.000Z' });
  });

  it('turns a stored range back into the form it came from', () => {
    const whole = {
      ...base,
      wholeDay: true,
      fromTime: null,
      toTime: null,
      fromDate: '2027-03-27',
      toDate: '2027-03-28',
    };
    for (const form of [base, whole]) {
      const stored = {
        ...formRange(form, 'Europe/Paris'),
        kind: form.kind,
        consultationTypeIds: null,
        note: null,
      };
      expect(rangeForm(stored, 'Europe/Paris')).toEqual(form);
    }
  });
});
