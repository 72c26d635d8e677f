import { describe, expect, it } from 'vitest';
import { dayIn, formIssues, phoneOf, visitCount, windowsOf, type HomeCareForm } from './home-care-form.ts';

const filled: HomeCareForm = {
  careTypeId: 'c1',
  forWhom: 'relative',
  careRecipientName: 'Jeanne Martin',
  contactPhone: '06 12 34 56 78',
  address: {
    label: '3 rue de la Paix, 75002 Paris',
    locality: 'Paris',
    placeId: 'p1',
    lat: 48.87,
    lng: 2.33,
  },
  firstDay: '2027-03-01',
  dayCount: 10,
  parts: ['evening', 'morning'],
  urgency: 'planned',
  notes: '',
};

describe('the home-care request form', () => {
  it('can go when every field holds', () => {
    expect(formIssues({ ...filled, contactPhone: '+33 6 12 34 56 78' }, '2027-03-01')).toEqual([]);
  });

  it('names each field that keeps it from going', () => {
    const empty: HomeCareForm = {
      ...filled,
      careTypeId: null,
      careRecipientName: ' ',
      contactPhone: '',
      address: null,
      firstDay: '2027-02-28',
      dayCount: 61,
      parts: [],
    };
    expect(formIssues(empty, '2027-03-01')).toEqual([
      'careType',
      'careRecipientName',
      'contactPhone',
      'address',
      'firstDay',
      'dayCount',
      'parts',
    ]);
    // A national number without its country code is refused: SMS need E.164.
    expect(formIssues(filled, '2027-03-01')).toEqual(['contactPhone']);
  });

  it('turns parts of the day into daily windows in the day’s order: twice a day for 10 days is 20 visits', () => {
    expect(windowsOf(filled.parts)).toEqual(['09:00-12:00', '18:00-21:00']);
    expect(visitCount(filled)).toBe(20);
  });

  it('reads phones and days the way the server stores them', () => {
    expect(phoneOf('0033 6 12 34 56 78')).toBe('+33612345678');
    expect(phoneOf('')).toBeNull();
    // 23:30 UTC on 28 Feb is already 1 March in Paris.
    expect(dayIn(new Date('2027-02-28T23:30:00Z'), 'Europe/Paris')).toBe('2027-03-01');
  });
});
