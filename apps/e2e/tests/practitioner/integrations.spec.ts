// A practitioner connects Google Calendar on the Integrations page through the Google fake's
// consent screen, sees the busy times Google holds appear, chooses calendars, then disconnects.
import { expect, test } from '@playwright/test';
import { googleControl } from '@carebook/fakes';
import { config, scenario, uniqueEmail } from '@carebook/testing';
import { expectAccessible, screenshots } from '../../support/page-checks.ts';
import { signInAs } from '../../support/payment-journeys.ts';
import { openWorkspacePage } from '../../support/workspace.ts';

const google = googleControl(config.fakesUrl);

test.describe('integrations', () => {
  test('connects Google Calendar through the consent screen and sees busy blocks appear', async ({
    page,
  }) => {
    const s = await scenario().weeklyHours('mon-sun', '09:00-18:00').type({ minutes: 30, price: 0 }).build();
    const email = uniqueEmail('agenda');
    // What the practitioner already has in Google: a dentist appointment in two days.
    await google.calendar.account(email);
    await google.calendar.addEvents(email, 'primary', [
      { summary: 'Dentiste', start: { dateTime: s.at(2, '10:00') }, end: { dateTime: s.at(2, '11:00') } },
    ]);

    await signInAs(page, s.practitioner);
    await openWorkspacePage(page, 'Intégrations');
    await expect(page.getByRole('heading', { level: 1, name: 'Intégrations' })).toBeVisible();
    await expect(page.getByText('Google Agenda n’est pas relié.')).toBeVisible();
    await expectAccessible(page, 'integrations, not connected');
    await screenshots(page, 'integrations-not-connected');

    await page.getByRole('button', { name: 'Relier Google Agenda' }).click();
    // Google's (fake) consent screen.
    await expect(page.getByRole('heading', { name: 'Google (local fake)' })).toBeVisible();
    await page.getByLabel('Google account').fill(email);
    await page.getByRole('button', { name: 'Allow' }).click();

    await expect(page).toHaveURL(/\/integrations$/);
    await expect(page.getByTestId('google-back')).toHaveText(/Google Agenda est relié/);
    await expect(page.getByTestId('google-status')).toHaveText(/Synchronisé/);
    await expect(page.getByTestId('google-account')).toHaveText(email);
    await expect(page.getByTestId('google-last-sync')).toContainText('(');
    const busy = page.getByTestId('google-busy-time');
    await expect(busy).toHaveCount(1);
    await expect(busy.first()).toContainText('10:00');
    await expectAccessible(page, 'integrations, connected');
    await screenshots(page, 'integrations-connected');

    // A new event in Google arrives by push notification; "Synchroniser maintenant" shows it.
    await google.calendar.addEvents(email, 'primary', [
      { summary: 'École', start: { dateTime: s.at(3, '16:00') }, end: { dateTime: s.at(3, '17:00') } },
    ]);
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect(page.getByTestId('google-notice')).toHaveText('Synchronisation terminée.');
    await expect(busy).toHaveCount(2);

    // The Family calendar blocks times too, chosen with the keyboard.
    const family = page.getByRole('checkbox', { name: 'Bloque mes créneaux: Family' });
    await family.focus();
    await page.keyboard.press('Space');
    await expect(family).toHaveAttribute('aria-checked', 'true');
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect(page.getByTestId('google-notice')).toHaveText('Vos choix sont enregistrés.');

    // English, then disconnect after confirming.
    await page.getByRole('button', { name: 'Déconnecter' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Déconnecter Google Agenda ?');
    await expectAccessible(page, 'disconnect dialog', '.q-dialog');
    await screenshots(page, 'integrations-disconnect-dialog');
    await dialog.getByRole('button', { name: 'Déconnecter' }).click();
    await expect(page.getByTestId('google-notice')).toHaveText('Google Agenda est déconnecté.');
    await expect(page.getByRole('button', { name: 'Relier Google Agenda' })).toBeVisible();
    const revokes = await google.calls({ api: 'oauth2', operation: 'revoke', params: { account: email } });
    expect(revokes.map((c) => c.status)).toEqual([200]);
  });

  test('shows a lost connection in words, with a way to reconnect', async ({ page }) => {
    const s = await scenario().weeklyHours('mon-sun', '09:00-18:00').type({ minutes: 30, price: 0 }).build();
    const email = uniqueEmail('agenda');
    await signInAs(page, s.practitioner);
    await page.goto('/integrations');
    await page.getByRole('button', { name: 'Relier Google Agenda' }).click();
    await page.getByLabel('Google account').fill(email);
    await page.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByTestId('google-status')).toHaveText(/Synchronisé/);

    await google.calendar.revoke(email);
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect(page.getByTestId('google-status')).toHaveText(/Accès perdu/);
    await expect(page.getByTestId('google-error')).toContainText('Google a retiré l’accès de Carebook');
    await expect(page.getByRole('button', { name: 'Relier à nouveau' })).toBeVisible();
    await expectAccessible(page, 'integrations, broken');
    await screenshots(page, 'integrations-broken');
  });
});
