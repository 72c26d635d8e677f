// The account page's own jobs: change one's name and the language messages are written in, change
// the password (the current one checked first), and sign out on every device.
import { expect, test, type Page } from '@playwright/test';
import { config, patient, sql } from '@carebook/testing';
import { expectAccessible, screenshots } from '../../support/page-checks.ts';
import { signInAs } from '../../support/payment-journeys.ts';

const NEW_PASSWORD = 'Cerisier-orage-velo-2031';

/** The refresh token supabase-js keeps in this page's storage. */
async function storedRefreshToken(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key.endsWith('-auth-token'))
        return (JSON.parse(localStorage.getItem(key) ?? '{}') as { refresh_token: string }).refresh_token;
    }
    return '';
  });
}

async function refreshWorks(refreshToken: string): Promise<boolean> {
  const response = await fetch(`${config.apiUrl}/auth/v1/token?grant_type=refresh_token`, {
    method: 'POST',
    headers: { apikey: config.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
  return response.ok;
}

test.describe('account', () => {
  test('changes name and message language; the screen follows the language', async ({ page }) => {
    const who = await patient({ fullName: 'Camille Roux', meta: { locale: 'fr' } });
    await signInAs(page, who);
    await expect(page.getByTestId('profile-full-name')).toHaveText('Camille Roux');
    await expectAccessible(page, 'account page');
    await screenshots(page, 'account');

    const save = page.getByRole('button', { name: 'Enregistrer', exact: true });
    await expect(save).toBeDisabled();
    await page.getByTestId('details-full-name').fill('  ');
    await save.click();
    await expect(page.getByText('Indiquez votre nom.')).toBeVisible();
    await page.getByTestId('details-full-name').fill('Camille Roux-Martin');
    await page.getByLabel('Langue de vos messages').click();
    await page.getByRole('option', { name: 'English' }).click();
    await expect(page.getByRole('listbox')).toBeHidden();
    await save.click();
    await expect(page.getByTestId('details-saved')).toHaveText('Your details are saved.');
    await expect(page.getByTestId('profile-full-name')).toHaveText('Camille Roux-Martin');
    await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();

    const [row] = await sql<{ full_name: string; locale: string }>(
      'select full_name, locale from public.profiles where id = $1',
      [who.id],
    );
    expect(row).toEqual({ full_name: 'Camille Roux-Martin', locale: 'en' });
    await page.reload();
    await expect(page.getByTestId('profile-locale')).toHaveText('English');
  });

  test('changes the password only with the current one; the new one signs in, the old one does not', async ({
    page,
  }) => {
    const who = await patient({ fullName: 'Nora Belkacem', meta: { locale: 'fr' } });
    await signInAs(page, who);

    await page.getByTestId('current-password').fill('not-my-password');
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByText('Ce n’est pas votre mot de passe actuel.')).toBeVisible();

    await page.getByTestId('new-password').fill('court');
    await page.getByTestId('current-password').fill(who.password);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByTestId('password-changed')).toHaveCount(0);

    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByTestId('password-changed')).toContainText('Mot de passe changé');
    // The check made no second session that outlives it.
    const rows = await sql<{ sessions: number }>(
      'select count(*)::int as sessions from auth.sessions where user_id = $1',
      [who.id],
    );
    expect(rows).toEqual([{ sessions: 1 }]);

    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await expect(page).toHaveURL(/\/auth/);
    await signInAs(page, { email: who.email, password: NEW_PASSWORD });
    await expect(page.getByTestId('profile-full-name')).toHaveText('Nora Belkacem');
  });

  test('signs out everywhere: this device goes to sign-in, another device cannot refresh', async ({
    browser,
  }) => {
    const who = await patient({ fullName: 'Léa Fontaine', meta: { locale: 'fr' } });
    const phone = await browser.newContext();
    const laptop = await browser.newContext();
    const onPhone = await phone.newPage();
    const onLaptop = await laptop.newPage();
    await signInAs(onPhone, who);
    await signInAs(onLaptop, who);
    const laptopToken = await storedRefreshToken(onLaptop);
    expect(laptopToken).not.toBe('');

    await onPhone.getByRole('button', { name: 'Se déconnecter de tous les appareils' }).click();
    const dialog = onPhone.getByRole('dialog');
    await expect(dialog).toContainText('Vous devrez vous reconnecter sur chacun de vos appareils');
    await expectAccessible(onPhone, 'sign out everywhere dialog', '.q-dialog');
    await dialog.getByRole('button', { name: 'Se déconnecter partout' }).click();
    await expect(onPhone).toHaveURL(/\/auth/);
    expect(await refreshWorks(laptopToken)).toBe(false);
    await phone.close();
    await laptop.close();
  });
});
