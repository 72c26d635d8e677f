// The booking app's practitioner page as a patient uses it: pick a time, sign in on the spot.
import { expect, type Page } from '@playwright/test';

/** Shows the week holding `iso` (at most three weeks ahead) and clicks that time. */
export async function pickSlot(page: Page, iso: string): Promise<void> {
  const button = page.locator(`[data-slot="${new Date(iso).toISOString()}"]`);
  const week = page.locator('.week-grid h3');
  const loaded = () => expect(page.getByRole('status', { name: 'Chargement des créneaux…' })).toHaveCount(0);
  await loaded();
  for (let i = 0; i < 3 && !(await button.isVisible()); i++) {
    const shown = await week.textContent();
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    // The heading changes with the week, in the same render that starts loading it.
    await expect(week).not.toHaveText(shown ?? '');
    await loaded();
  }
  await button.click();
}

/** The sign-in form the booking step shows to a signed-out patient. */
export async function signInInline(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
}
