import { describe, expect, it } from 'vitest';
import { LOCALES, ROLES } from '../enums.ts';
import { EMAIL_TOPICS, SMS_TOPICS, renderSms, type Audience, type MessageContext } from './index.ts';

const context: MessageContext = {
  starts_at: '2027-03-01T08:00:00Z',
  time_zone: 'Europe/Paris',
  practitioner_name: 'Dr Léa Martin',
  patient_name: 'Paul Durand',
  consultation_fr: 'Première consultation',
  consultation_en: 'First visit',
  amount_cents: 4500,
  currency: 'EUR',
  by: 'patient',
};

/** Booking news and reminders only; practitioners hear of their patients' bookings too. */
const EXPECTED: Record<string, Audience[]> = {
  'appointment.confirmed': ['patient', 'practitioner'],
  'appointment.rescheduled': ['patient', 'practitioner'],
  'appointment.cancelled': ['patient', 'practitioner'],
  'appointment.hold_expired': ['patient'],
  'payment.failed': ['patient'],
  'appointment.reminder': ['patient'],
  'homecare.offer': ['practitioner'],
  'homecare.accepted': ['patient'],
};

// Typical names, the longer French and English ones among them.
const NAMES = [
  ['Dr Léa Martin', 'Paul Durand'],
  ['Dr Jean-Baptiste Delacroix-Lefèvre', 'Marie-Hélène Dupont-Aignan'],
  ['Dr Elizabeth Worthington', 'Christopher Montgomery'],
];

const cases = EMAIL_TOPICS.flatMap((topic) =>
  ROLES.flatMap((audience) => LOCALES.map((locale) => ({ topic, audience, locale }))),
);

describe('notification SMS', () => {
  it('exist for booking news and reminders only', () => {
    expect([...SMS_TOPICS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)('$topic to $audience in $locale', ({ topic, audience, locale }) => {
    for (const [practitioner_name, patient_name] of NAMES) {
      const sms = renderSms(topic, audience, locale, { ...context, practitioner_name, patient_name });
      if (!EXPECTED[topic]?.includes(audience)) {
        expect(sms).toBeNull();
        return;
      }
      expect(sms!.text).toMatch(/^Carebook: \S/);
      expect(sms!.text).toContain(
        locale === 'fr' ? '01/03 à 09:00 (Europe/Paris)' : '01/03 at 09:00 (Europe/Paris)',
      );
      expect(sms!.text).toContain(audience === 'patient' ? practitioner_name : patient_name);
      expect(sms!.text).not.toMatch(/undefined|null/);
      expect(sms, sms!.text).toMatchObject({ encoding: 'gsm7', segments: 1 });
    }
  });

  it('switches to UCS-2 for a name outside GSM-7, and counts its segments', () => {
    const sms = renderSms('appointment.reminder', 'patient', 'fr', {
      ...context,
      practitioner_name: 'Dr Léa 🌿 Martin',
    })!;
    expect(sms.encoding).toBe('ucs2');
    expect(sms.text).toContain('🌿');
    expect(sms.segments).toBe(sms.text.length <= 70 ? 1 : Math.ceil(sms.text.length / 67));
    expect(sms.segments).toBe(2);
    const cedilla = renderSms('appointment.confirmed', 'practitioner', 'fr', {
      ...context,
      patient_name: 'François',
    })!;
    expect(cedilla.encoding).toBe('ucs2');
  });

  it('keeps Intl’s no-break spaces and curly apostrophes out, so amounts and names stay GSM-7', () => {
    const fr = renderSms('payment.failed', 'patient', 'fr', {
      ...context,
      practitioner_name: 'Dr Anne O’Neil',
    })!;
    expect(fr.text).toContain("le paiement de 45,00 € du RDV avec Dr Anne O'Neil");
    expect(fr.encoding).toBe('gsm7');
    const en = renderSms('payment.failed', 'patient', 'en', context)!;
    expect(en.text).toContain('the payment of €45.00 for your appointment');
    expect(en).toMatchObject({ encoding: 'gsm7', segments: 1 });
  });

  it('refuses to write an appointment SMS without its start', () => {
    expect(() =>
      renderSms('appointment.reminder', 'patient', 'fr', { ...context, starts_at: 'soon' }),
    ).toThrow(/starts_at/);
  });

  it('says who cancelled', () => {
    const text = (audience: Audience, by: string) =>
      renderSms('appointment.cancelled', audience, 'fr', { ...context, by })!.text;
    expect(text('patient', 'patient')).toMatch(/^Carebook: vous avez annulé votre RDV avec Dr Léa Martin/);
    expect(text('patient', 'practitioner')).toMatch(/^Carebook: Dr Léa Martin a annulé votre RDV/);
    expect(text('practitioner', 'patient')).toMatch(/^Carebook: Paul Durand a annulé son RDV/);
    expect(text('practitioner', 'practitioner')).toMatch(/^Carebook: vous avez annulé le RDV de Paul Durand/);
  });

  it('offers home care with the town, the first window and the signed link', () => {
    const offer = {
      starts_at: '2027-03-01T07:00:00Z',
      time_zone: 'Europe/Paris',
      care_fr: 'Prise de sang',
      care_en: 'Blood draw',
      locality: 'Lyon 3e',
      app_url:
        'https://pro.carebook.fr/home-care/offers/2f1c0e62-5d2b-4a57-9a43-1f0f4c1e2b3a.0123456789abcdef0123456789abcdef',
    };
    const fr = renderSms('homecare.offer', 'practitioner', 'fr', offer)!;
    expect(fr.text).toBe(
      `Carebook: soins à domicile, Prise de sang à Lyon 3e, dès le lun. 01/03 à 08:00 (Europe/Paris). Voir: ${offer.app_url}`,
    );
    expect(fr.encoding).toBe('gsm7');
    const en = renderSms('homecare.offer', 'practitioner', 'en', {
      ...offer,
      locality: null,
      app_url: undefined,
    })!;
    expect(en.text).toBe('Carebook: home care, Blood draw, from Mon 01/03 at 08:00 (Europe/Paris).');
    expect(renderSms('homecare.offer', 'patient', 'fr', offer)).toBeNull();
    const told = renderSms('homecare.accepted', 'patient', 'en', {
      ...offer,
      practitioner_name: 'Inès Roy',
    })!;
    expect(told.text).toBe(
      'Carebook: Inès Roy will come for Blood draw, first visit on Mon 01/03 at 08:00 (Europe/Paris).',
    );
  });

  it('writes the time in the recipient’s zone, across a clock change', () => {
    const at = (starts_at: string, recipient_time_zone?: string) =>
      renderSms('appointment.reminder', 'patient', 'en', { ...context, starts_at, recipient_time_zone })!
        .text;
    expect(at('2027-03-28T08:00:00Z')).toContain('Sun 28/03 at 10:00 (Europe/Paris)');
    expect(at('2027-10-31T09:00:00Z')).toContain('Sun 31/10 at 10:00 (Europe/Paris)');
    expect(at('2027-03-28T08:00:00Z', 'Europe/London')).toContain('Sun 28/03 at 09:00 (Europe/London)');
  });
});
