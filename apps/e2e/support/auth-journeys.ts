// The sign-up / sign-in journeys both apps must pass, registered once per app's spec file.
import { expect, test, type Page } from '@playwright/test';
import type { SelfSignupRole } from '@carebook/domain';
import { confirmedUser, TEST_PASSWORD, uniqueEmail } from '@carebook/testing';
import { waitForEmailLink } from './inbox.ts';

export interface AppUnderTest {
  /** The role this app signs people up as. */
  role: SelfSignupRole;
  /** How the account page names that role, in French. */
  roleLabel: string;
  /** The home page's main heading in French and English. */
  homeHeading: { fr: string; en: string };
  /** Where a plain sign-in lands when it is not the account page (practitioners without a submitted profile: /onboarding). */
  landing?: RegExp;
}

async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
}

async function expectProfile(page: Page, expected: { email: string; fullName: string; roleLabel: string }) {
  await expect(page).toHaveURL(/\/account$/);
  const card = page.getByTestId('profile-card');
  await expect(card.getByTestId('profile-email')).toHaveText(expected.email);
  await expect(card.getByTestId('profile-full-name')).toHaveText(expected.fullName);
  await expect(card.getByTestId('profile-role')).toHaveText(expected.roleLabel);
  await expect(card.getByTestId('profile-locale')).toHaveText('Français');
}

export function registerAuthJourneys(app: AppUnderTest): void {
  test('signs up with the address, follows the link, chooses a password, signs out and back in', async ({
    page,
  }) => {
    const email = uniqueEmail(`signup-${app.role}`);
    const fullName = 'Zoé Lefèvre';

    await page.goto('/auth');
    await page.getByRole('tab', { name: 'Inscription' }).click();
    await page.getByLabel('Nom complet').fill(fullName);
    await page.getByLabel('Adresse e-mail').fill(email);
    // No password yet: it is chosen once the address is proven (decision 0009).
    await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await page.goto(await waitForEmailLink(email, /\/auth\/v1\/verify\?/));

    await expect(page.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
    const newPassword = page.getByLabel('Mot de passe', { exact: true });
    // Refused before anything is sent, with the reason.
    await newPassword.fill('abc123');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByText('Le mot de passe doit contenir au moins 8 caractères.')).toBeVisible();
    await newPassword.fill('12345678');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByText('Ce mot de passe est trop courant ou trop facile à deviner.')).toBeVisible();
    await newPassword.fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Mot de passe enregistré.' })).toBeVisible();
    await expectProfile(page, { email, fullName, roleLabel: app.roleLabel });

    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await expect(page).toHaveURL(/\/auth/);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/auth\?redirect=/);

    await signInThroughForm(page, email, TEST_PASSWORD);
    await expectProfile(page, { email, fullName, roleLabel: app.roleLabel });
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    const user = await confirmedUser(app.role, { fullName: 'Sam Petit', meta: { locale: 'fr' } });
    await page.goto('/auth');
    await signInThroughForm(page, user.email, 'not-the-password');
    await expect(page.getByRole('alert')).toHaveText(/E-mail ou mot de passe incorrect\./);
    await expect(page).toHaveURL(/\/auth$/);

    // The form stays usable: the right password then gets in.
    await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
    await page.locator('form').getByRole('button', { name: 'Se connecter' }).click();
    if (app.landing) {
      await expect(page).toHaveURL(app.landing);
      await page.goto('/account');
    }
    await expectProfile(page, { email: user.email, fullName: 'Sam Petit', roleLabel: app.roleLabel });
  });

  test('the form explains what is wrong before calling the server', async ({ page }) => {
    await page.goto('/auth?mode=sign-up');
    await page.getByLabel('Adresse e-mail').fill('not-an-address');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page.getByText('Saisissez votre nom.')).toBeVisible();
    await expect(page.getByText('Cette adresse e-mail ne semble pas valide.')).toBeVisible();
  });

  test('switching the language changes the texts and is remembered', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.homeHeading.fr);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.homeHeading.en);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.homeHeading.en);
    await page.goto('/auth');
    await expect(page.getByRole('tab', { name: 'Sign up' })).toBeVisible();
    await expect(page.getByLabel('Email address')).toBeVisible();

    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByRole('tab', { name: 'Inscription' })).toBeVisible();
  });

  test('an unknown address shows the not-found page', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
    await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
}
