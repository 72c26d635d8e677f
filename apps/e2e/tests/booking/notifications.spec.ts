// The booking app (patients): the notification bell and the notification settings.
import { expect, test } from '@playwright/test';
import { patient, practitionerOpen, service } from '@carebook/testing';
import {
  registerNotificationJourneys,
  registerNotificationSettingsJourneys,
  signInAs,
} from '../../support/notification-journeys.ts';

test.describe('booking app notifications', () => {
  registerNotificationJourneys({ role: 'patient' });
  registerNotificationSettingsJourneys({ role: 'patient' });

  test('a booking reaches the patient’s bell, worded from what the server planned', async ({ page }) => {
    const ana = await patient({ fullName: 'Léo Fabre', meta: { locale: 'fr' } });
    const practice = await practitionerOpen(
      { price: 0, minutes: 30 },
      { displayName: 'Dr Camille Martin', timeZone: 'Europe/Paris' },
    );
    const booked = await practice.book(ana, practice.at(3, '10:00'));
    expect(booked.error).toBeNull();
    // The notify job's first step (the local scheduler runs it every minute; it is repeat-safe).
    const planned = await service().rpc('plan_deliveries', {});
    expect(planned.error).toBeNull();

    await signInAs(page, ana);
    await page.getByRole('button', { name: /^\d+ notifications? non lues?$/ }).click();
    const list = page.getByRole('dialog', { name: 'Notifications' });
    await expect(list.getByRole('listitem').filter({ hasText: 'est confirmé' })).toContainText(
      /^Non lue : Votre rendez-vous « .+ » avec Dr Camille Martin le \S+ \d+ \S+ \d{4} à 10:00 \(Europe\/Paris\) est confirmé\./,
    );
  });
});
