import { describe, expect, it } from 'vitest';
import { LOCALES, ROLES, type Locale } from '../enums.ts';
import { EMAIL_TOPICS, messageAudience, renderEmail, type Audience, type MessageContext } from './index.ts';

const context: MessageContext = {
  starts_at: '2027-03-01T08:00:00Z',
  from: '2027-02-26T13:30:00Z',
  time_zone: 'Europe/Paris',
  practitioner_name: 'Dr Léa Martin',
  patient_name: 'Paul Durand',
  consultation_fr: 'Première consultation',
  consultation_en: 'First visit',
  reason: 'Pièce manquante',
  amount_cents: 4500,
  currency: 'EUR',
  plan: 'Mensuel',
  app_url: 'https://carebook.example/app',
};

/** Who gets an e-mail for each topic: the contract's recipients (account.welcome: any role). */
const EXPECTED: Record<string, Audience[]> = {
  'appointment.held': ['patient'],
  'appointment.confirmed': ['patient', 'practitioner'],
  'appointment.rescheduled': ['patient', 'practitioner'],
  'appointment.cancelled': ['patient', 'practitioner'],
  'appointment.hold_expired': ['patient'],
  'appointment.reminder': ['patient'],
  'appointment.changed_in_google': ['practitioner'],
  'payment.failed': ['patient'],
  'payment.refunded': ['patient'],
  'subscription.payment_failed': ['practitioner'],
  'account.welcome': ['patient', 'practitioner', 'staff'],
  'calendar.connection_broken': ['practitioner'],
  'practitioner.verification.submitted': ['practitioner'],
  'practitioner.verification.verified': ['practitioner'],
  'practitioner.verification.rejected': ['practitioner'],
  'practitioner.verification.suspended': ['practitioner'],
};

const WHEN: Record<Locale, string> = {
  fr: 'lundi 1 mars 2027 à 09:00 (Europe/Paris)',
  en: 'Monday, 1 March 2027 at 09:00 (Europe/Paris)',
};
const AMOUNT: Record<Locale, RegExp> = { fr: /45,00\s€/, en: /€45\.00/ };

/** Facts each topic's text must carry, beside its subject and signature. */
function keyFacts(topic: string, audience: Audience, locale: Locale): (string | RegExp)[] {
  const facts: (string | RegExp)[] = [];
  if (topic.startsWith('appointment.') || topic.startsWith('payment.')) {
    facts.push(WHEN[locale], audience === 'patient' ? 'Dr Léa Martin' : 'Paul Durand');
  }
  if (topic.startsWith('payment.') || topic === 'subscription.payment_failed') facts.push(AMOUNT[locale]);
  if (topic === 'appointment.rescheduled')
    facts.push(locale === 'fr' ? 'vendredi 26 février 2027 à 14:30' : 'Friday, 26 February 2027 at 14:30');
  if (topic === 'appointment.cancelled' || /verification\.(rejected|suspended)/.test(topic)) {
    facts.push('Pièce manquante');
  }
  if (topic === 'subscription.payment_failed') facts.push('Mensuel');
  if (topic === 'calendar.connection_broken') facts.push('Google');
  return facts;
}

/** A tiny well-formedness check: every opened tag is closed, in order (void elements aside). */
function unbalancedTags(html: string): string[] {
  const VOID = new Set(['meta', 'br', 'img', 'hr', 'link']);
  const stack: string[] = [];
  const problems: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const tag = name!.toLowerCase();
    if (VOID.has(tag)) continue;
    if (!closing) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`</${tag}>`);
  }
  return [...problems, ...stack.map((t) => `<${t}> not closed`)];
}

const cases = EMAIL_TOPICS.flatMap((topic) =>
  ROLES.flatMap((audience) => LOCALES.map((locale) => ({ topic, audience, locale }))),
);

describe('notification e-mails', () => {
  it('the tag check itself catches a tag left open or closed out of order', () => {
    expect(unbalancedTags('<table><tr><td>x</td></tr></table><meta charset="utf-8">')).toEqual([]);
    expect(unbalancedTags('<table><tr><td>x</tr></table>')).not.toEqual([]);
    expect(unbalancedTags('<p>open')).toEqual(['<p> not closed']);
  });

  it('cover every topic of the contract, and only those, for its recipients', () => {
    expect([...EMAIL_TOPICS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)('$topic to $audience in $locale', ({ topic, audience, locale }) => {
    const email = renderEmail(topic, audience, locale, context);
    if (!EXPECTED[topic]!.includes(audience)) {
      expect(email).toBeNull();
      return;
    }
    expect(email).not.toBeNull();
    const { subject, text, html } = email!;
    expect(subject.trim().length).toBeGreaterThan(5);
    expect(subject).not.toMatch(/\n|undefined|null/);
    expect(text).toContain(locale === 'fr' ? 'L’équipe Carebook' : 'The Carebook team');
    expect(text).not.toMatch(/undefined|null|\$\{/);
    for (const fact of keyFacts(topic, audience, locale)) expect(text).toMatch(fact);
    expect(html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}"><head><meta charset="utf-8">`));
    expect(unbalancedTags(html)).toEqual([]);
    expect(html).toContain('max-width: 600px');
    expect(html).toContain('role="presentation"');
    // The preheader is the first paragraph, hidden, so the inbox preview is not "Carebook".
    expect(html).toMatch(/<div style="display: none;[^"]*">[^<]{20,}<\/div>/);
  });

  it('escapes what users typed in the HTML part, and keeps it as is in the text part', () => {
    const hostile = { ...context, patient_name: '<script>alert(1)</script> Paul', reason: 'A & B <b>' };
    const email = renderEmail('appointment.cancelled', 'practitioner', 'en', { ...hostile, by: 'patient' })!;
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Paul');
    expect(email.html).toContain('A &amp; B &lt;b&gt;');
    expect(unbalancedTags(email.html)).toEqual([]);
    expect(email.text).toContain('<script>alert(1)</script> Paul cancelled their');
  });

  it('links the call to action only to a web address from the context', () => {
    const linked = renderEmail('appointment.confirmed', 'patient', 'fr', context)!;
    expect(linked.html).toContain('<a href="https://carebook.example/app" target="_blank"');
    expect(linked.html).toContain('>Voir mes rendez-vous</a>');
    expect(linked.text).toContain('Voir mes rendez-vous : https://carebook.example/app');
    for (const app_url of [undefined, 'javascript:alert(1)', 'not a url']) {
      const email = renderEmail('appointment.confirmed', 'patient', 'fr', { ...context, app_url })!;
      expect(email.html).not.toContain('<a ');
      expect(email.text).not.toContain('Voir mes rendez-vous :');
    }
  });

  it('says who cancelled, and the reason only when there is one', () => {
    const say = (audience: Audience, locale: Locale, by: string, reason: string | null = null) =>
      renderEmail('appointment.cancelled', audience, locale, { ...context, by, reason })!.text;
    expect(say('patient', 'en', 'patient')).toContain(
      'You cancelled your "First visit" appointment with Dr Léa Martin',
    );
    expect(say('patient', 'en', 'practitioner')).toContain(
      'Dr Léa Martin cancelled your "First visit" appointment',
    );
    expect(say('patient', 'fr', 'patient')).toContain(
      'Vous avez annulé votre rendez-vous «\u00a0Première consultation\u00a0»',
    );
    expect(say('patient', 'fr', 'practitioner')).toContain('Dr Léa Martin a annulé votre rendez-vous');
    expect(say('practitioner', 'fr', 'practitioner')).toContain(
      'Vous avez annulé le rendez-vous de Paul Durand',
    );
    expect(say('practitioner', 'en', 'patient')).toContain(
      'Paul Durand cancelled their "First visit" appointment',
    );
    expect(say('practitioner', 'en', 'system')).toContain('was cancelled by Carebook');
    expect(say('patient', 'fr', 'practitioner', 'Congrès')).toContain('Motif : Congrès');
    expect(say('patient', 'fr', 'practitioner')).not.toContain('Motif');
    expect(say('practitioner', 'en', 'patient')).not.toContain('Reason');
  });

  it('writes times in the recipient’s zone when known, and names it', () => {
    const email = renderEmail('appointment.confirmed', 'patient', 'en', {
      ...context,
      recipient_time_zone: 'America/Martinique',
    })!;
    expect(email.text).toContain(
      'Your "First visit" appointment with Dr Léa Martin is confirmed for Monday, 1 March 2027 at 04:00 (America/Martinique).',
    );
    // The practice's own clock is given beside it, so nobody converts by hand.
    expect(email.text).toContain('Practitioner’s time: Monday, 1 March 2027 at 09:00 (Europe/Paris)');
    const same = renderEmail('appointment.confirmed', 'patient', 'en', {
      ...context,
      recipient_time_zone: 'Europe/Paris',
    })!;
    expect(same.text).not.toContain('Practitioner’s time');
  });

  it('refuses to write an appointment message without its start, and needs none for account ones', () => {
    const { starts_at: _, ...noStart } = context;
    expect(() => renderEmail('appointment.confirmed', 'patient', 'fr', noStart)).toThrow(/starts_at/);
    expect(() => renderEmail('payment.refunded', 'patient', 'en', noStart)).toThrow(/starts_at/);
    expect(renderEmail('account.welcome', 'patient', 'fr', {})?.subject).toBe('Bienvenue sur Carebook');
    expect(renderEmail('calendar.connection_broken', 'practitioner', 'en', {})?.text).toContain(
      'Google Calendar',
    );
  });

  it.each([
    // 28 March 2027: Paris springs from UTC+1 to UTC+2 at 02:00 local (01:00 UTC).
    ['2027-03-28T00:30:00Z', 'fr', 'dimanche 28 mars 2027 à 01:30 (Europe/Paris)'],
    ['2027-03-28T08:00:00Z', 'fr', 'dimanche 28 mars 2027 à 10:00 (Europe/Paris)'],
    ['2027-03-28T08:00:00Z', 'en', 'Sunday, 28 March 2027 at 10:00 (Europe/Paris)'],
    // 31 October 2027: back from UTC+2 to UTC+1 at 03:00 local; 02:30 happens twice.
    ['2027-10-31T00:30:00Z', 'fr', 'dimanche 31 octobre 2027 à 02:30 (Europe/Paris)'],
    ['2027-10-31T01:30:00Z', 'fr', 'dimanche 31 octobre 2027 à 02:30 (Europe/Paris)'],
    ['2027-10-31T09:00:00Z', 'en', 'Sunday, 31 October 2027 at 10:00 (Europe/Paris)'],
  ] as const)('a clock-change day: %s reads %s in %s', (starts_at, locale, expected) => {
    const email = renderEmail('appointment.reminder', 'patient', locale, { ...context, starts_at })!;
    expect(email.text).toContain(expected);
    expect(email.html).toContain(expected);
  });

  it('formats amounts per language and currency (minor units as the currency has them)', () => {
    const yen = renderEmail('payment.refunded', 'patient', 'en', {
      ...context,
      amount_cents: 4500,
      currency: 'JPY',
    })!;
    expect(yen.subject).toMatch(/¥4,500|JP¥4,500/);
    const fr = renderEmail('subscription.payment_failed', 'practitioner', 'fr', context)!;
    expect(fr.text).toMatch(
      /Le paiement de 45,00\s€ de votre abonnement «\u00a0Mensuel\u00a0» Carebook a échoué/,
    );
  });

  it('reads `from` as a former time only when it is one (verification messages carry a state there)', () => {
    const email = renderEmail('practitioner.verification.submitted', 'practitioner', 'fr', {
      ...context,
      from: 'draft',
    });
    expect(email?.subject).toBe('Profil envoyé pour vérification');
  });

  it('picks the audience from the recipient’s side, or from the role for a welcome', () => {
    const ids = { patient_id: 'p-1', practitioner_id: 'd-1' };
    expect(messageAudience('appointment.cancelled', 'p-1', ids)).toBe('patient');
    expect(messageAudience('appointment.cancelled', 'd-1', ids)).toBe('practitioner');
    expect(messageAudience('appointment.cancelled', 'x-1', ids)).toBeNull();
    expect(messageAudience('account.welcome', 'x-1', { role: 'staff' })).toBe('staff');
    expect(messageAudience('account.welcome', 'x-1', { role: 'admin' })).toBeNull();
  });

  it('has nothing for an unknown topic', () => {
    expect(renderEmail('no.such.topic', 'patient', 'fr', context)).toBeNull();
  });
});
