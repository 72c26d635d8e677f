// What the billing and payment journeys share: signing in through the form, paying on the Stripe
// fake's Checkout page as a person would, calling a function as a user, waiting for webhooks.
import { expect, type Page } from '@playwright/test';
import { stripeControl } from '@carebook/fakes';
import { config, type TestUser } from '@carebook/testing';

export const stripe = stripeControl(config.fakesUrl);

export const CARD_PAYS = '4242 4242 4242 4242';
export const CARD_DECLINED = '4000 0000 0000 0002';

/** Signs in on the app's /auth page, as a person would; lands where `redirect` leads. */
export async function signInAs(page: Page, who: { email: string; password: string }, redirect = '/account') {
  await page.goto(`/auth?redirect=${encodeURIComponent(redirect)}`);
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(who.password);
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`${redirect.replace(/[/?]/g, '\\$&')}$`));
}

/** On the fake's Checkout page: name, the test card by its number, then the pay button. */
export async function payOnCheckout(page: Page, card: string, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(Subscribe|Pay)$/);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel(new RegExp(`^Card ${card}:`)).check();
  await page.getByRole('button', { name: /^(Start trial|Subscribe for|Pay )/ }).click();
}

/** A function called as this user, as the app would; the JSON answer. */
export async function callFunction(
  who: TestUser,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${config.apiUrl}/functions/v1/${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${who.accessToken}`,
      apikey: config.anonKey,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
