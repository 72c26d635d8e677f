// A patient pays a held appointment on Stripe's (fake) Checkout page: the webhook confirms it and
// the receipt shows on the payments page. A declined card leaves it held; once the hold runs out
// (and the payments job expires the session) the time is free for someone else.
import { expect, test, type Page } from '@playwright/test';
import { runJob } from '@carebook/local-stack';
import {
  config,
  expireHold,
  scenario,
  service,
  sql,
  user,
  type Scenario,
  type TestUser,
} from '@carebook/testing';
import {
  CARD_DECLINED,
  CARD_PAYS,
  callFunction,
  payOnCheckout,
  signInAs,
  stripe,
} from '../../support/payment-journeys.ts';

async function paidScenario(): Promise<Scenario> {
  return scenario()
    .practitioner({ displayName: 'Dr Léa Fontaine' })
    .weeklyHours('mon-sun', '09:00-18:00')
    .type({ minutes: 30, price: 6000 })
    .build();
}

/** Books a paid time as the patient through the API: held until paid. */
async function held(s: Scenario, who: TestUser, day: number, at: string): Promise<string> {
  const booked = await s.book(who, s.at(day, at));
  expect(booked.error).toBeNull();
  expect(booked.data?.status).toBe('held');
  return booked.data!.id;
}

async function statusOf(appointmentId: string) {
  const [row] = await sql<{ appointment: string; payment: string | null }>(
    `select a.status as appointment, p.status as payment
       from public.appointments a left join public.payments p on p.appointment_id = a.id where a.id = $1`,
    [appointmentId],
  );
  return row;
}

async function openPayments(page: Page) {
  await page.getByRole('link', { name: 'Mes paiements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes paiements' })).toBeVisible();
}

test.describe('consultation payments', () => {
  test('a held appointment paid on Checkout is confirmed and its receipt listed', async ({ page }) => {
    const s = await paidScenario();
    const ann = await user('patient', { fullName: 'Ann Morel', meta: { locale: 'fr' } });
    const appointmentId = await held(s, ann, 3, '09:00');
    const { url } = await callFunction(ann, 'checkout', { appointment_id: appointmentId });

    await signInAs(page, ann);
    await openPayments(page);
    await expect(page.getByTestId('payment-status')).toHaveText('En attente de paiement');
    // Paying from the list opens the same Checkout Session as the one made at booking.
    await page.getByRole('button', { name: /^Payer 60,00\s€ pour la consultation du / }).click();
    await expect(page).toHaveURL(String(url));
    await expect(page.locator('p', { hasText: 'Due:' })).toContainText(/60[.,]00/);
    await payOnCheckout(page, CARD_PAYS, 'Ann Morel');
    // Back in the app, which waits for the webhook to confirm.
    await expect(page).toHaveURL(new RegExp(`/appointments/${appointmentId}\\?payment=done`));
    await expect(page.getByTestId('payment-return-state')).toHaveText(/Votre rendez-vous est confirmé\./);
    await stripe.idle();
    expect(await statusOf(appointmentId)).toEqual({ appointment: 'confirmed', payment: 'paid' });

    await page.getByRole('link', { name: 'Voir mes paiements' }).click();
    const card = page.getByTestId('payment');
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('payment-status')).toHaveText('Payé');
    await expect(card).toContainText('Dr Léa Fontaine');
    await expect(card.getByTestId('payment-amount')).toHaveText(/^60,00\s€$/);
    await expect(card).toContainText(/Consultation du .+ à 09:00 \(Europe\/Paris\)/);
    await expect(page.getByTestId('payments-count')).toHaveText('1 paiement');
    const receipt = card.getByRole('link', { name: /^Reçu du paiement de 60,00/ });
    const [receiptPage] = await Promise.all([page.context().waitForEvent('page'), receipt.click()]);
    await expect(receiptPage.getByRole('heading', { level: 1, name: 'Receipt' })).toBeVisible();
  });

  test('a declined card leaves the time held; after the hold it is bookable again', async ({ page }) => {
    const s = await paidScenario();
    const bob = await user('patient', { fullName: 'Bob Lenoir', meta: { locale: 'fr' } });
    const appointmentId = await held(s, bob, 4, '10:00');
    const { url } = await callFunction(bob, 'checkout', { appointment_id: appointmentId });

    await signInAs(page, bob);
    await page.goto(String(url));
    await payOnCheckout(page, CARD_DECLINED, 'Bob Lenoir');
    await expect(page.getByRole('alert')).toBeVisible();
    await stripe.idle();
    expect(await statusOf(appointmentId)).toEqual({ appointment: 'held', payment: 'open' });
    // Someone else cannot take the time while it is held.
    const other = await user('patient');
    expect((await s.book(other, s.at(4, '10:00'))).error).not.toBeNull();

    await expireHold(appointmentId);
    const released = await service().rpc('release_expired_holds_tick');
    expect(released.error).toBeNull();
    expect((await runJob(config, { function_path: 'payments', body: {} })).status).toBe(200);
    await stripe.idle();
    expect(await statusOf(appointmentId)).toEqual({ appointment: 'cancelled', payment: 'expired' });

    await page.goto('/account/payments');
    await expect(page.getByTestId('payment-status')).toHaveText('Non payé : délai dépassé');
    await expect(page.getByRole('link', { name: /^Reçu/ })).toHaveCount(0);
    const rebooked = await s.book(other, s.at(4, '10:00'));
    expect(rebooked.error).toBeNull();
  });
});
