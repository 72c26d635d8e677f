import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import type { Locale } from '@carebook/domain';
import { sharedMessages } from '../i18n/shared-messages.ts';
import { pluralRules } from '../i18n/plural-rules.ts';
import {
  audienceOf,
  describeNotification,
  formatStamp,
  type NotificationLike,
} from './describe-notification.ts';

function i18nFor(locale: Locale) {
  return createI18n({ legacy: false, locale, fallbackLocale: 'fr', messages: sharedMessages, pluralRules })
    .global;
}

const PATIENT = '11111111-1111-4111-8111-111111111111';
const PRACTITIONER = '22222222-2222-4222-8222-222222222222';

const confirmed: NotificationLike = {
  topic: 'appointment.confirmed',
  createdAt: '2026-12-06T03:05:00Z',
  data: {
    patient_id: PATIENT,
    practitioner_id: PRACTITIONER,
    practitioner_name: 'Dr Camille Martin',
    patient_name: 'Zoé Durand',
    starts_at: '2027-03-01T08:00:00+00:00',
    time_zone: 'Europe/Paris',
    consultation_fr: 'Bilan initial',
    consultation_en: 'First assessment',
  },
};

function say(n: NotificationLike, locale: Locale, audience: 'patient' | 'practitioner' = 'patient') {
  return describeNotification(n, {
    locale,
    audience,
    fallbackZone: 'America/New_York',
    i18n: i18nFor(locale),
  });
}

describe('describeNotification', () => {
  it('says a confirmation to the patient in French, in the zone of the appointment', () => {
    expect(say(confirmed, 'fr')).toEqual({
      sentence:
        'Votre rendez-vous « Bilan initial » avec Dr Camille Martin le lundi 1 mars 2027 à 09:00 (Europe/Paris) est confirmé.',
      detail: null,
      received: 'Reçue le 6 déc. 2026, 04:05 (Europe/Paris)',
    });
  });

  it('says it in English with the English consultation name', () => {
    const text = say(confirmed, 'en');
    expect(text.sentence).toBe(
      'Your “First assessment” appointment with Dr Camille Martin on Monday, 1 March 2027 at 09:00 (Europe/Paris) is confirmed.',
    );
    expect(text.received).toBe('Received 6 Dec 2026, 04:05 (Europe/Paris)');
  });

  it('speaks to the practitioner about the patient', () => {
    expect(say(confirmed, 'fr', 'practitioner').sentence).toBe(
      'Nouveau rendez-vous « Bilan initial » avec Zoé Durand le lundi 1 mars 2027 à 09:00 (Europe/Paris).',
    );
    expect(say(confirmed, 'en', 'practitioner').sentence).toBe(
      'New “First assessment” appointment with Zoé Durand on Monday, 1 March 2027 at 09:00 (Europe/Paris).',
    );
  });

  it('reads well with fields missing, and dates the notice in the reader’s zone', () => {
    const bare: NotificationLike = {
      topic: 'appointment.cancelled',
      createdAt: confirmed.createdAt,
      data: {},
    };
    expect(say(bare, 'fr')).toEqual({
      sentence: 'Votre rendez-vous avec votre praticien à la date prévue est annulé.',
      detail: null,
      received: 'Reçue le 5 déc. 2026, 22:05 (America/New_York)',
    });
    expect(say(bare, 'en').sentence).toBe(
      'Your appointment with your practitioner at the planned time is cancelled.',
    );
  });

  it('writes no time when the zone is missing or unknown, rather than guess one', () => {
    const noZone = { ...confirmed, data: { ...confirmed.data, time_zone: 'Mars/Olympus' } };
    expect(say(noZone, 'en').sentence).toBe(
      'Your “First assessment” appointment with Dr Camille Martin at the planned time is confirmed.',
    );
  });

  it('shows the DST-day time in local wall-clock time', () => {
    // 29 March 2026: Paris moves from +01:00 to +02:00 at 02:00 local.
    const dst = { ...confirmed, data: { ...confirmed.data, starts_at: '2026-03-29T08:30:00Z' } };
    expect(say(dst, 'fr').sentence).toContain('le dimanche 29 mars 2026 à 10:30 (Europe/Paris)');
  });

  it('adds the reason of a cancellation and the amount of a refund', () => {
    const cancelled = {
      ...confirmed,
      topic: 'appointment.cancelled',
      data: { ...confirmed.data, reason: 'Malade' },
    };
    expect(say(cancelled, 'fr').detail).toBe('Motif : Malade');
    const refunded = {
      ...confirmed,
      topic: 'payment.refunded',
      data: { ...confirmed.data, amount_cents: 6000, currency: 'eur' },
    };
    expect(say(refunded, 'fr')).toMatchObject({
      sentence:
        'Votre rendez-vous « Bilan initial » avec Dr Camille Martin le lundi 1 mars 2027 à 09:00 (Europe/Paris) a été remboursé.',
      detail: 'Montant : 60,00\u00a0€',
    });
    expect(say(refunded, 'en').detail).toBe('Amount: €60.00');
    const priced = { ...confirmed, data: { ...confirmed.data, amount_cents: 6000, currency: 'EUR' } };
    expect(say(priced, 'fr').detail).toBeNull();
  });

  it('says account topics the same to everyone', () => {
    const verified: NotificationLike = {
      topic: 'practitioner.verification.verified',
      createdAt: confirmed.createdAt,
      data: {},
    };
    expect(say(verified, 'fr', 'practitioner').sentence).toBe(
      'Votre profil est vérifié : il peut désormais être publié.',
    );
    expect(say(verified, 'en', 'practitioner').sentence).toBe(
      'Your profile is verified: it can now be published.',
    );
  });

  it('has a sentence for a topic this build does not know', () => {
    const future: NotificationLike = { topic: 'video.room_ready', createdAt: confirmed.createdAt, data: {} };
    expect(say(future, 'fr').sentence).toBe('Vous avez une nouvelle notification.');
    expect(say({ ...future, topic: 'appointment' }, 'en').sentence).toBe('You have a new notification.');
  });

  it('reminds of the planned start when starts_at is missing', () => {
    const reminder: NotificationLike = {
      topic: 'appointment.reminder',
      createdAt: confirmed.createdAt,
      data: {
        reminded_starts_at: '2027-03-01T08:00:00Z',
        time_zone: 'Europe/Paris',
        practitioner_name: 'Dr Martin',
      },
    };
    expect(say(reminder, 'en').sentence).toBe(
      'Reminder: your appointment with Dr Martin is on Monday, 1 March 2027 at 09:00 (Europe/Paris).',
    );
  });
});

describe('audienceOf', () => {
  it('is the practitioner only when the data names the reader as such', () => {
    expect(audienceOf(confirmed.data, PRACTITIONER)).toBe('practitioner');
    expect(audienceOf(confirmed.data, PATIENT)).toBe('patient');
    expect(audienceOf({}, PRACTITIONER)).toBe('patient');
    expect(audienceOf(confirmed.data, null)).toBe('patient');
  });
});

describe('formatStamp', () => {
  it('names the zone', () => {
    expect(formatStamp('2026-07-01T12:00:00Z', 'Asia/Tokyo', 'en')).toBe('1 Jul 2026, 21:00 (Asia/Tokyo)');
  });
});

describe('unread count plural', () => {
  it('follows French rules: 0 and 1 singular', () => {
    const fr = i18nFor('fr');
    expect(fr.t('notifications.unreadCount', 0)).toBe('Aucune notification non lue');
    expect(fr.t('notifications.unreadCount', 1)).toBe('1 notification non lue');
    expect(fr.t('notifications.unreadCount', 3)).toBe('3 notifications non lues');
  });

  it('follows English rules', () => {
    const en = i18nFor('en');
    expect(en.t('notifications.unreadCount', 0)).toBe('No unread notifications');
    expect(en.t('notifications.unreadCount', 1)).toBe('1 unread notification');
    expect(en.t('notifications.unreadCount', 3)).toBe('3 unread notifications');
  });

  it('uses the "one" form for French 1.5 but the "other" form in English', () => {
    expect(i18nFor('fr').t('notifications.unreadCount', 1.5)).toContain('non lue');
    expect(i18nFor('fr').t('notifications.unreadCount', 1.5)).not.toContain('non lues');
  });
});
