// Issue 12, points 3-5: the practitioner page, booking (free, paid through the fake Checkout,
// slot taken meanwhile, sign-up inside the flow, keyboard only) and "my appointments". Each test
// makes its own practitioner and patient; every page gets axe and two screenshots.
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { addDays, localDate } from '@carebook/domain';
import {
  anon,
  confirmedUser,
  patient,
  scenario,
  service,
  TEST_PASSWORD,
  uniqueEmail,
  type Scenario,
} from '@carebook/testing';
import { pickSlot, signInInline } from '../../support/booking.ts';
import { waitForEmailLink } from '../../support/inbox.ts';
import { expectAccessible, screenshots } from '../../support/page-checks.ts';

test.use({ timezoneId: 'Europe/Paris', locale: 'fr-FR' });
// Booking round trips (Checkout, webhook, polling) take longer than a sign-in.
test.setTimeout(90_000);

async function practice(displayName = 'Dr Léa Martin'): Promise<{ s: Scenario; slug: string }> {
  const s = await scenario()
    .practitioner({ timeZone: 'Europe/Paris', displayName, modes: ['video', 'in_person'] })
    .weeklyHours('daily', '09:00-12:00')
    .type({ minutes: 30, price: 0, mode: 'video', name: 'Premier échange' })
    .type({ minutes: 45, price: 6000, mode: 'video', name: 'Séance de suivi' })
    .build();
  const { data, error } = await anon()
    .from('practitioners')
    .select('slug')
    .eq('id', s.practitioner.id)
    .single();
  if (error) throw new Error(error.message);
  return { s, slug: data.slug };
}

test('finds a practitioner by name, books a free type, then moves and cancels it in my appointments', async ({
  page,
}) => {
  // A name of this test's own: long-lived test databases hold many Dr Martins.
  const name = `Dr Léa Martin-${randomUUID().slice(0, 6)}`;
  const { s, slug } = await practice(name);
  const account = await confirmedUser('patient', { fullName: 'Inès Durand' });
  const first = s.at(2, '10:00');
  const moved = s.at(3, '09:30');

  await page.goto('/');
  await page.getByLabel('Profession, spécialité ou nom').fill(name);
  await page.getByTestId('search-submit').click();
  const found = page.getByTestId('practitioner-card').filter({ hasText: name });
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Vérifié');
  await found.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${slug}$`));
  await expect(page.getByTestId('practitioner-name')).toHaveText(name);
  await expect(page.getByText('Premier échange')).toBeVisible();
  await expect(page.getByText('60,00 €')).toBeVisible();
  await expect(page.getByTestId('zone-note')).toContainText('Europe/Paris');
  await expectAccessible(page, 'practitioner page');
  await screenshots(page, 'practitioner-page');

  await pickSlot(page, first);
  await expect(page).toHaveURL(/[?&]slot=/);
  await expect(page.getByTestId('booking-summary')).toContainText('10:00');
  // Not signed in: the sign-in form is right here, and the chosen time stays in the URL.
  await expectAccessible(page, 'booking step, signed out');
  await screenshots(page, 'booking-sign-in');
  await signInInline(page, account.email, account.password);
  await expect(page.getByTestId('booking-summary')).toContainText('10:00');
  await page.getByTestId('book').click();

  await expect(page).toHaveURL(/\/appointments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('confirmed-title')).toHaveText('Rendez-vous confirmé');
  await expect(page.getByTestId('detail-time')).toContainText('10:00 – 10:30');
  const ics = await page.getByTestId('ics').getAttribute('href');
  expect(decodeURIComponent(ics ?? '')).toContain(
    `DTSTART:${first.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`,
  );
  await expect(page.getByTestId('google-calendar')).toHaveAttribute('href', /calendar\.google\.com/);
  await expectAccessible(page, 'confirmation');
  await screenshots(page, 'confirmation');

  await page.getByRole('link', { name: 'Voir mes rendez-vous' }).click();
  await expect(page).toHaveURL(/\/appointments$/);
  const item = page.locator('[data-status="confirmed"]').first();
  await expect(item).toContainText(name);
  await expect(item.getByTestId('cutoff')).toContainText('Annulable ou modifiable en ligne jusqu’au');
  await expectAccessible(page, 'my appointments');
  await screenshots(page, 'my-appointments');

  await item.getByTestId('reschedule').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Choisir un nouvel horaire' })).toBeVisible();
  await pickSlot(page, moved);
  await expectAccessible(page, 'reschedule dialog');
  await screenshots(page, 'reschedule');
  await dialog.getByTestId('reschedule-confirm').click();
  await expect(page.getByTestId('notice')).toContainText('Rendez-vous déplacé');
  await expect(
    page.locator('[data-status="confirmed"]').first().getByTestId('appointment-when'),
  ).toContainText('09:30');

  await page.locator('[data-status="confirmed"]').first().getByTestId('cancel').click();
  await page.getByTestId('cancel-confirm').click();
  await expect(page.getByTestId('notice')).toHaveText('Rendez-vous annulé.');
  await expect(page.locator('[data-status="cancelled"]')).toHaveCount(1);
});

test('pays a paid type through the Checkout page and waits for the webhook to confirm', async ({ page }) => {
  const { s, slug } = await practice();
  const account = await confirmedUser('patient', { fullName: 'Paul Bernard' });
  const at = s.at(2, '09:00');
  const paidType = s.types[1]!.id;

  // As the search page's slot buttons link: type and slot in the URL.
  await page.goto(`/p/${slug}?type=${paidType}&slot=${encodeURIComponent(at)}`);
  await expect(page.getByTestId('booking-summary')).toContainText('Séance de suivi');
  await signInInline(page, account.email, account.password);
  await page.getByRole('button', { name: 'Réserver et payer 60,00 €' }).click();

  await expect(page).toHaveURL(/\/appointments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('hold-countdown')).toContainText(/\d\d:\d\d/);
  await expectAccessible(page, 'held appointment');
  await screenshots(page, 'held');

  // Leaving Stripe's page first: back on the held appointment, told nothing was charged.
  await page.getByTestId('pay').click();
  await page.getByRole('link', { name: 'Cancel and return to the site' }).click();
  await expect(page).toHaveURL(/payment=cancelled/);
  await expect(page.getByTestId('payment-cancelled')).toContainText('rien n’a été débité');
  await expect(page.getByTestId('hold-countdown')).toBeVisible();
  await expectAccessible(page, 'payment cancelled');
  await screenshots(page, 'payment-cancelled');

  // Then a declined card, then the one that pays, as a person would on Stripe's page.
  await page.getByTestId('pay').click();
  await page.getByLabel('Card 4000 0000 0000 0002: card declined').check();
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Card 4242 4242 4242 4242: payment succeeds').check();
  await page.getByRole('button', { name: /^Pay / }).click();

  await expect(page).toHaveURL(/payment=done/);
  await expect(page.getByTestId('confirmed-title')).toHaveText('Rendez-vous confirmé', { timeout: 30_000 });
  await expectAccessible(page, 'paid confirmation');
  await page.goto('/appointments');
  await expect(page.getByTestId('receipt')).toBeVisible();
});

test('says kindly that a time was just taken and shows fresh times', async ({ page }) => {
  const { s, slug } = await practice();
  const account = await confirmedUser('patient');
  const at = s.at(2, '11:00');

  await page.goto(`/p/${slug}?type=${s.types[0]!.id}&slot=${encodeURIComponent(at)}`);
  await signInInline(page, account.email, account.password);
  await expect(page.getByTestId('book')).toBeVisible();
  // Someone else books the same time through the API meanwhile.
  const other = await s.book(await patient(), at);
  expect(other.error).toBeNull();
  await page.getByTestId('book').click();

  await expect(page.getByTestId('booking-refusal')).toContainText(
    'Ce créneau vient d’être réservé par quelqu’un d’autre.',
  );
  // The same week stays on screen, without the time that went.
  await expect(page.locator(`[data-slot="${s.at(2, '10:00')}"]`)).toBeVisible();
  await expect(page.locator(`[data-slot="${at}"]`)).toHaveCount(0);
  await expect(page.locator('[data-slot]').first()).toBeVisible();
  await expectAccessible(page, 'slot taken');
  await screenshots(page, 'slot-taken');
});

test('signs up inside the flow, confirms from the inbox and books the same time', async ({ page }) => {
  const { s, slug } = await practice();
  const email = uniqueEmail('flow-signup');
  const at = s.at(3, '10:30');

  await page.goto(`/p/${slug}?type=${s.types[0]!.id}&slot=${encodeURIComponent(at)}`);
  await page.getByRole('tab', { name: 'Inscription' }).click();
  await page.getByLabel('Nom complet').fill('Camille Roux');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' })).toBeVisible();

  await page.goto(await waitForEmailLink(email, /\/auth\/v1\/verify\?/));
  // Back on the same practitioner, type and time, signed in: choose a password, then book.
  await expect(page).toHaveURL(new RegExp(`/p/${slug}\\?`));
  await expect(page.getByTestId('booking-summary')).toContainText('10:30');
  await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await page.getByTestId('book').click();
  await expect(page.getByTestId('confirmed-title')).toHaveText('Rendez-vous confirmé');
});

test('books with the keyboard only', async ({ page }) => {
  const { s, slug } = await practice();
  const account = await confirmedUser('patient');
  const at = s.at(2, '09:30');

  await page.goto(`/p/${slug}?type=${s.types[0]!.id}&week=${s.day(2)}`);
  // Reach the time by tabbing, as a keyboard user would, then press Enter on it.
  const target = page.locator(`[data-slot="${at}"]`);
  await expect(target).toBeVisible();
  let found = false;
  for (let i = 0; i < 120 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await target.evaluate((el) => el === document.activeElement);
  }
  expect(found, 'the slot is reachable with Tab').toBe(true);
  await page.keyboard.press('Enter');
  // Focus moved to step 3; the sign-in form follows it.
  await expect(page.locator('#booking-summary-title')).toBeFocused();
  await page.keyboard.press('Tab'); // "change time"
  await page.keyboard.press('Tab'); // sign-in tab
  await page.keyboard.press('Tab'); // sign-up tab
  for (let i = 0; i < 5; i++) {
    if (await page.getByLabel('Adresse e-mail').evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(account.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
  // Signed in: the focus is on the button that books.
  await expect(page.getByTestId('book')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirmed-title')).toHaveText('Rendez-vous confirmé');
});

test('a company member sees "offered by" on a sponsored type and books it without paying', async ({
  page,
}) => {
  const { s, slug } = await practice();
  const domain = `acme-${randomUUID().slice(0, 8)}.test`;
  const admin = service();
  const company = await admin
    .from('companies')
    .insert({ name: 'Acme Santé', email_domains: [domain] })
    .select('id')
    .single();
  if (company.error) throw new Error(company.error.message);
  const sponsored = await admin
    .from('company_sponsored_types')
    .insert({ company_id: company.data.id, consultation_type_id: s.types[1]!.id });
  if (sponsored.error) throw new Error(sponsored.error.message);
  // Confirmed on the company's domain: linked to it as a member.
  const account = await confirmedUser('patient', { email: `ana-${randomUUID().slice(0, 8)}@${domain}` });

  await page.goto(`/p/${slug}?type=${s.types[1]!.id}&slot=${encodeURIComponent(s.at(2, '11:00'))}`);
  await signInInline(page, account.email, account.password);
  await expect(page.getByTestId('offered-by')).toHaveText('Offert par Acme Santé');
  await expect(page.getByTestId('booking-summary')).toContainText('Offert par Acme Santé');
  await page.getByTestId('book').click();
  await expect(page.getByTestId('confirmed-title')).toHaveText('Rendez-vous confirmé');
  await expect(page.getByText('Offert par votre entreprise')).toBeVisible();
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('the practitioner page and a booked appointment read in English, with English prices and dates', async ({
    page,
  }) => {
    const { s, slug } = await practice();
    const account = await confirmedUser('patient');
    await page.goto(`/p/${slug}?type=${s.types[1]!.id}&slot=${encodeURIComponent(s.at(2, '09:00'))}`);
    await page.getByRole('button', { name: 'EN – English' }).click();
    await expect(page.getByRole('heading', { name: '1. Choose a type of consultation' })).toBeVisible();
    await expect(page.getByText('€60.00').first()).toBeVisible();
    await page.getByLabel('Email address').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Book and pay €60.00' }).click();
    await expect(page.getByRole('heading', { name: 'This time is held for you' })).toBeVisible();
    await expect(page.getByTestId('detail-date')).toHaveText(/^[A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}$/);
    await expectAccessible(page, 'held appointment, English');
  });
});

test.describe('from another time zone', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('names both zones and jumps to the next week with free times', async ({ page }) => {
    // Hours open in three weeks only: this week and the next are empty.
    const opens = addDays(localDate('Europe/Paris', Date.now()), 21);
    const s = await scenario()
      .practitioner({ timeZone: 'Europe/Paris', displayName: 'Dr Hugo Petit' })
      .weeklyHours('daily', '09:00-12:00', { validFrom: opens })
      .type({ minutes: 30, price: 0, mode: 'video', name: 'Bilan' })
      .build();
    const { data } = await anon().from('practitioners').select('slug').eq('id', s.practitioner.id).single();

    await page.goto(`/p/${data!.slug}`);
    await expect(page.getByTestId('zone-note')).toContainText('America/New_York');
    await expect(page.getByTestId('zone-note')).toContainText('Europe/Paris');
    await expect(page.getByText('Aucun créneau libre cette semaine.')).toBeVisible();
    await page.getByTestId('grid-jump').click();
    // 09:00 in Paris is 03:00 in New York (winter) or 03:00/04:00 around the clock changes.
    await expect(page.locator('[data-slot]').first()).toBeVisible();
    await expect(page.locator('[data-slot]').first()).toHaveText(/^0[34]:00$/);
    await expectAccessible(page, 'practitioner page, other zone');
  });
});
