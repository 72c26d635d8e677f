// A verified practitioner subscribes through Stripe's (fake) Checkout page and finds the trial on
// the Billing page; the failed-payment banner follows the subscription to every page.
import { expect, test } from '@playwright/test';
import { advance, createPractitionerProfile, practitioner, sql } from '@carebook/testing';
import { CARD_PAYS, payOnCheckout, signInAs, stripe } from '../../support/payment-journeys.ts';
import { openWorkspacePage } from '../../support/workspace.ts';

test.describe('billing', () => {
  test('subscribes to the monthly plan through Checkout, sees the trial, cancels it in the portal', async ({
    page,
  }) => {
    const pro = await practitioner({ fullName: 'Inès Marchand', meta: { locale: 'fr' } });
    await createPractitionerProfile(pro);
    await advance(pro.id, 'submitted', 'verified');

    await signInAs(page, pro);
    await openWorkspacePage(page, 'Facturation');
    await expect(page.getByRole('heading', { level: 1, name: 'Abonnement et facturation' })).toBeVisible();
    await expect(page.getByTestId('no-invoices')).toHaveText('Aucune facture pour l’instant.');
    const monthly = page.getByTestId('plan-essential_monthly');
    await expect(monthly).toContainText('49,00 €');
    await expect(monthly).toContainText('par mois');
    await expect(monthly).toContainText('14 jours d’essai gratuit');
    await monthly.getByRole('button', { name: 'Choisir Essentiel mensuel' }).click();

    await payOnCheckout(page, CARD_PAYS, 'Inès Marchand');
    await expect(page).toHaveURL(/\/billing/);
    await expect(page.getByTestId('plan-status')).toContainText('Essai gratuit jusqu’au', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('checkout-state')).toHaveText(/Votre abonnement est en place/);
    await expect(page.getByTestId('plan-name')).toHaveText('Essentiel mensuel');
    await expect(page.getByTestId('next-invoice')).toContainText('49,00 €');
    await expect(page.getByRole('button', { name: 'Gérer la facturation' })).toBeVisible();
    // No plan to choose any more; the trial's 0 € invoice is listed with its documents.
    await expect(page.getByTestId('plan-essential_monthly')).toHaveCount(0);
    await expect(
      page
        .getByTestId('invoice-row')
        .first()
        .getByRole('link', { name: /en PDF$/ }),
    ).toBeVisible();
    const [row] = await sql<{ status: string; plan: string }>(
      `select status, plan from public.subscriptions where practitioner_id = $1`,
      [pro.id],
    );
    expect(row).toEqual({ status: 'trialing', plan: 'essential_monthly' });

    // The portal: cancel at the period's end, come back, read it in words.
    await page.getByRole('button', { name: 'Gérer la facturation' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel at period end' }).click();
    await stripe.idle();
    await page.getByRole('link', { name: 'Return to the site' }).click();
    await expect(page.getByTestId('plan-status')).toContainText('Résiliation prévue : prend fin le');
    await expect(page.getByTestId('next-invoice')).toHaveCount(1);
    await expect(page.getByTestId('next-invoice')).toHaveText(/^Aucune/);
  });

  test('shows the failed-payment banner on every page while past due', async ({ page }) => {
    const pro = await practitioner({ fullName: 'Hugo Perrin', meta: { locale: 'fr' } });
    await createPractitionerProfile(pro);
    await advance(pro.id, 'submitted', 'verified');
    await sql(
      `insert into public.subscriptions (practitioner_id, plan, status, current_period_end, past_due_since)
       values ($1, 'essential_monthly', 'past_due', now() + interval '20 days', '2030-03-01T10:00:00Z')`,
      [pro.id],
    );
    await signInAs(page, pro);
    const banner = page.getByTestId('billing-banner-text');
    await expect(banner).toHaveText(
      /^Votre dernier paiement a échoué — mettez à jour votre carte avant le 8 mars 2030/,
    );
    await openWorkspacePage(page, 'Facturation');
    await expect(page.getByTestId('plan-status')).toContainText('Paiement échoué depuis le 1 mars 2030');
    await expect(page.getByTestId('plan-status')).toContainText('délai de grâce jusqu’au 8 mars 2030');
    await expect(banner).toBeVisible();
    await page.goto('/');
    await expect(banner).toBeVisible();
  });
});
