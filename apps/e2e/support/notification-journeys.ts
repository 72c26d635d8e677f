// The notification bell and settings journeys both apps must pass, registered once per app's
// spec file. Notifications are written as the dispatcher writes them (service role), so the
// test needs no booking; the bell must show them, newest first, and mark them read.
import { expect, test, type Page } from '@playwright/test';
import type { Json, SelfSignupRole } from '@carebook/domain';
import { confirmedUser, service, type Account } from '@carebook/testing';

export async function signInAs(page: Page, account: Account): Promise<void> {
  // Sent to the account page: a plain sign-in takes a practitioner without a profile to /onboarding.
  await page.goto('/auth?redirect=%2Faccount');
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/account$/);
}

/** Writes an in-app notification for `recipientId`, as plan_deliveries does. */
export async function notify(
  recipientId: string,
  topic: string,
  data: { [key: string]: Json },
  createdAt = new Date().toISOString(),
): Promise<void> {
  const { error } = await service()
    .from('notifications')
    .insert({ recipient_id: recipientId, topic, data, created_at: createdAt });
  if (error) throw new Error(`notification not written: ${error.message}`);
}

export const appointmentData = {
  practitioner_name: 'Dr Camille Martin',
  patient_name: 'Inès Moreau',
  starts_at: '2027-03-01T08:00:00Z',
  time_zone: 'Europe/Paris',
  consultation_fr: 'Bilan initial',
  consultation_en: 'First assessment',
};

export function registerNotificationJourneys(app: { role: SelfSignupRole }): void {
  test('new notifications show on the bell without a reload; marking all read clears the badge', async ({
    page,
  }) => {
    const account = await confirmedUser(app.role, { fullName: 'Inès Moreau', meta: { locale: 'fr' } });
    await page.clock.install();
    await signInAs(page, account);
    const bell = page.getByRole('button', { name: 'Aucune notification non lue' });
    await expect(bell).toBeVisible();

    await notify(account.id, 'appointment.confirmed', appointmentData, '2026-12-06T03:00:00Z');
    await notify(account.id, 'appointment.reminder', appointmentData, '2026-12-06T04:00:00Z');
    // The next poll (every 30 s while the tab is visible) brings them in.
    await page.clock.fastForward(30_000);
    const unreadBell = page.getByRole('button', { name: '2 notifications non lues' });
    await expect(unreadBell).toBeVisible();

    // Keyboard only from here: Enter opens the list.
    await unreadBell.focus();
    await page.keyboard.press('Enter');
    // A non-modal dialog on desktop (a menu), a full-screen one on phones.
    const list = page.getByRole('dialog', { name: 'Notifications' });
    const items = list.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText(
      'Rappel : votre rendez-vous « Bilan initial » avec Dr Camille Martin a lieu le lundi 1 mars 2027 à 09:00 (Europe/Paris).',
    );
    await expect(items.first()).toContainText('Reçue le 6 déc. 2026, 05:00 (Europe/Paris)');

    // One read by keyboard: Enter on the item.
    await items.first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: '1 notification non lue' })).toBeVisible();

    await list.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await expect(page.getByRole('button', { name: 'Aucune notification non lue' })).toBeVisible();
    await expect(list.getByRole('button', { name: 'Tout marquer comme lu' })).toBeDisabled();

    // Escape closes the list and gives the focus back to the bell.
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(page.getByRole('button', { name: 'Aucune notification non lue' })).toBeFocused();

    // Read on the server too: still read after a reload.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Aucune notification non lue' })).toBeVisible();
  });

  test('an empty feed says so, in English too', async ({ page }) => {
    const account = await confirmedUser(app.role, { meta: { locale: 'en' } });
    await signInAs(page, account);
    await page.getByRole('button', { name: 'Aucune notification non lue' }).click();
    await expect(page.getByText('Aucune notification pour le moment')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'EN – English' }).click();
    await page.getByRole('button', { name: 'No unread notifications' }).click();
    await expect(page.getByText('No notifications yet')).toBeVisible();
  });
}

export function registerNotificationSettingsJourneys(app: { role: SelfSignupRole }): void {
  test('settings: booking messages locked on; SMS only with a valid phone; a choice survives a reload', async ({
    page,
  }) => {
    const account = await confirmedUser(app.role, { fullName: 'Noé Garnier', meta: { locale: 'fr' } });
    await signInAs(page, account);
    const section = page.getByRole('region', { name: 'Notifications' });
    const bookingEmail = section.getByRole('switch', { name: 'Réservations par E-mail' });
    await expect(bookingEmail).toBeChecked();
    await expect(bookingEmail).toBeDisabled();
    await expect(section.getByText('Indispensable pour vos réservations : toujours activé.')).toBeVisible();

    const remindersSms = section.getByRole('switch', { name: 'Rappels par SMS' });
    await expect(remindersSms).toBeDisabled();
    await expect(section.getByText('Ajoutez un numéro de téléphone pour recevoir des SMS.')).toBeVisible();

    const phone = section.getByLabel('Numéro de téléphone mobile');
    await phone.fill('06 12 34 56 78');
    await phone.press('Enter');
    await expect(section.getByText('Commencez par + et l’indicatif du pays')).toBeVisible();
    await phone.fill('+33 6 12 34 56 78');
    await phone.press('Enter');
    await expect(section.getByText('Numéro enregistré.')).toBeVisible();
    await expect(phone).toHaveValue('+33612345678');

    // With a number, SMS can be chosen: reminders are on by default; turn them off by keyboard.
    await expect(remindersSms).toBeEnabled();
    await expect(remindersSms).toBeChecked();
    // A switch moves at once and is saved after: the reload waits for both saves' answers.
    const saved = () =>
      page.waitForResponse((r) => r.url().includes('/rpc/set_notification_preference') && r.ok());
    await remindersSms.focus();
    const remindersSaved = saved();
    await page.keyboard.press('Space');
    await expect(remindersSms).not.toBeChecked();
    await remindersSaved;
    const accountSms = section.getByRole('switch', { name: 'Compte par SMS' });
    await expect(accountSms).not.toBeChecked();
    const accountSaved = saved();
    await accountSms.click();
    await expect(accountSms).toBeChecked();
    await accountSaved;

    await page.reload();
    await expect(section.getByRole('switch', { name: 'Rappels par SMS' })).not.toBeChecked();
    await expect(section.getByRole('switch', { name: 'Compte par SMS' })).toBeChecked();
    await expect(section.getByLabel('Numéro de téléphone mobile')).toHaveValue('+33612345678');
  });

  test('settings: the time zone is chosen from the IANA list and kept', async ({ page }) => {
    const account = await confirmedUser(app.role, { meta: { locale: 'en' } });
    await signInAs(page, account);
    await page.getByRole('button', { name: 'EN – English' }).click();
    const section = page.getByRole('region', { name: 'Notifications' });
    const zone = section.getByLabel('Time zone');
    await expect(zone).toHaveValue('Europe/Paris');
    await zone.selectOption('America/Toronto');
    await expect(section.getByText('Time zone saved.')).toBeVisible();
    await page.reload();
    await expect(section.getByLabel('Time zone')).toHaveValue('America/Toronto');
  });
}
