import { describe, expect, it } from 'vitest';
import {
  EMAIL_TOPICS,
  formatWhen,
  renderEmail,
  type Audience,
  type MessageContext,
} from './notification-templates.ts';
import { LOCALES } from './enums.ts';

const context: MessageContext = {
  starts_at: '2027-03-01T08:00:00Z',
  from: '2027-02-26T13:30:00Z',
  time_zone: 'Europe/Paris',
  practitioner_name: 'Dr Léa <Martin>',
  patient_name: 'Paul Durand',
  consultation_fr: 'Première consultation',
  consultation_en: 'First visit',
  reason: 'Pièce manquante',
};

describe('notification e-mails', () => {
  it('render every topic for its audiences in French and English, with HTML and text', () => {
    let rendered = 0;
    for (const topic of EMAIL_TOPICS) {
      for (const audience of ['patient', 'practitioner'] as Audience[]) {
        for (const locale of LOCALES) {
          const email = renderEmail(topic, audience, locale, context);
          if (!email) continue;
          rendered++;
          expect(email.subject.length, `${topic} ${audience} ${locale}`).toBeGreaterThan(5);
          expect(email.text).toContain(locale === 'fr' ? 'L’équipe Carebook' : 'The Carebook team');
          expect(email.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}">`));
          // Names are escaped in HTML, never injected.
          expect(email.html).not.toContain('<Martin>');
        }
      }
    }
    expect(rendered).toBe(24);
  });

  it('writes the appointment time in its zone and names the zone', () => {
    const fr = renderEmail('appointment.confirmed', 'patient', 'fr', context)!;
    expect(fr.text).toContain('lundi 1 mars 2027 à 09:00 (Europe/Paris)');
    const en = renderEmail('appointment.rescheduled', 'patient', 'en', context)!;
    expect(en.text).toContain('Monday, 1 March 2027 at 09:00 (Europe/Paris)');
    expect(en.text).toContain('Friday, 26 February 2027 at 14:30 (Europe/Paris)');
  });

  it('reads a clock-change day right', () => {
    // 28 March 2027: Paris moves from UTC+1 to UTC+2 at 02:00 local.
    expect(formatWhen('2027-03-28T00:30:00Z', 'Europe/Paris', 'fr')).toContain('01:30');
    expect(formatWhen('2027-03-28T08:00:00Z', 'Europe/Paris', 'fr')).toContain('10:00');
    expect(formatWhen('2027-03-28T08:00:00Z', 'America/New_York', 'en')).toContain(
      '04:00 (America/New_York)',
    );
  });

  it('reads `from` as a former time only when it is one (verification messages carry a state there)', () => {
    const email = renderEmail('practitioner.verification.submitted', 'practitioner', 'fr', {
      ...context,
      from: 'draft',
    });
    expect(email?.subject).toBe('Profil envoyé pour vérification');
  });

  it('has nothing for an audience a topic does not address', () => {
    expect(renderEmail('appointment.hold_expired', 'practitioner', 'fr', context)).toBeNull();
    expect(renderEmail('no.such.topic', 'patient', 'fr', context)).toBeNull();
  });
});
