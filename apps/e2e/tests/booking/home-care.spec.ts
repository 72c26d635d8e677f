// Home care, end to end (issue 16): a patient asks for care at home in the booking app; the
// dispatcher offers it to a nurse nearby; the nurse opens the SMS link from the inbox (signed
// out), signs in, accepts; the visits are in the nurse's rounds and the patient sees who is
// coming. The dispatcher and notify ticks are run here as the scheduler runs them.
import { expect, test, type Page } from '@playwright/test';
import type { InboxMessage } from '@carebook/fakes';
import { confirmedUser, notifyTick, publishedPractitioner, service, sql, validRpps } from '@carebook/testing';
import { e2eEnv } from '../../support/env.ts';
import { signInAs } from '../../support/notification-journeys.ts';
import { expectAccessible, screenshots } from '../../support/page-checks.ts';

async function smsTo(phone: string, topic: string, containing: string, timeoutMs = 15_000): Promise<InboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${e2eEnv.inboxUrl}/api/messages?to=${encodeURIComponent(phone)}`);
    const { messages } = (await res.json()) as { messages: InboxMessage[] };
    const found = messages.find((m) => m.type === 'sms' && m.tags.includes(topic) && m.text.includes(containing));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${topic} SMS to ${phone} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const tomorrowIn = (zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(Date.now() + 86_400_000));

async function fillRequest(page: Page) {
  await page.getByLabel('Soin demandé').click();
  await page.getByRole('option', { name: 'Injection' }).click();
  await page.getByRole('radio', { name: 'Pour un proche' }).click();
  await page.getByLabel('Nom de la personne soignée').fill('Jeanne Martin');
  await page.getByLabel('Téléphone à appeler').fill('+33 6 12 34 56 78');
  await page.getByLabel('Adresse des soins').fill('Villeurb');
  await page
    .getByRole('option', { name: /^Villeurbanne/ })
    .first()
    .click();
  await page.getByLabel('Premier jour').fill(tomorrowIn('Europe/Paris'));
  await page.getByLabel('Nombre de jours').fill('2');
  // Twice a day: morning is ticked already, evening added.
  await page.getByRole('checkbox', { name: /Soir/ }).click();
  await expect(page.getByTestId('home-care-visit-count')).toHaveText('4 visites au total');
}

test('a patient asks for care, a nurse accepts from the SMS link, the visits are planned and the patient sees who is coming', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const patient = await confirmedUser('patient', { fullName: 'Paul Martin' });
  await page.goto(e2eEnv.bookingUrl);
  await signInAs(page, patient);

  // No request yet: the list says so, and leads back to the form.
  await page.goto(`${e2eEnv.bookingUrl}/home-care`);
  await page.getByTestId('my-home-care-link').click();
  await expect(page).toHaveURL(/\/home-care\/requests$/);
  await expect(page.getByTestId('my-home-care-empty')).toHaveText(
    'Vous n’avez encore fait aucune demande de soins à domicile.',
  );
  await page.getByRole('link', { name: 'Nouvelle demande' }).click();

  // Validation first: nothing filled in, each field says what it needs.
  await expect(page).toHaveURL(/\/home-care$/);
  await expect(page.getByRole('heading', { name: 'Demander des soins à domicile' })).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByText('Choisissez un soin.')).toBeVisible();
  await expect(page.getByText('Choisissez l’adresse dans la liste des suggestions.')).toBeVisible();
  await fillRequest(page);
  await expectAccessible(page, 'home-care request form');
  await screenshots(page, 'home-care-request');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();

  await expect(page).toHaveURL(/\/home-care\/[0-9a-f-]{36}$/);
  const requestId = page.url().split('/').pop()!;
  await expect(page.getByTestId('home-care-state')).toContainText('Nous cherchons un praticien disponible');
  await expect(page.getByTestId('home-care-visits').locator('li')).toHaveCount(4);
  await expectAccessible(page, 'home-care status, searching');
  await screenshots(page, 'home-care-status-searching');

  // A nurse whose area covers the address; earlier runs' nurses there stop visiting, so this
  // test's nurse is the one offered.
  const [where] = await sql<{ lat: number; lng: number }>(
    'select latitude as lat, longitude as lng from public.home_care_requests where id = $1',
    [requestId],
  );
  await sql(
    `update public.home_visit_settings set enabled = false
      where enabled and abs(base_latitude - $1) < 0.5 and abs(base_longitude - $2) < 0.5`,
    [where!.lat, where!.lng],
  );
  const nurse = await publishedPractitioner({
    profession_code: 'nurse',
    registration_number: validRpps(),
    display_name: 'Inès Roy',
    modes: ['at_home'],
  });
  const phone = `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await service().from('profiles').update({ phone }).eq('id', nurse.id);
  const settings = await nurse.client.from('home_visit_settings').insert({
    practitioner_id: nurse.id,
    enabled: true,
    base_address: 'Lyon',
    base_latitude: where!.lat + 0.01,
    base_longitude: where!.lng,
    radius_km: 15,
  });
  expect(settings.error).toBeNull();

  // The stack's own dispatcher runs every minute too: if it found nobody before this nurse
  // existed, the next wave waits for its pace. Time moves on to that wave here, as it would.
  await sql('update public.home_care_requests set next_wave_at = now() where id = $1', [requestId]);
  await sql('select public.dispatch_home_care_tick()');
  await notifyTick();
  // Requests left searching nearby by other tests may be offered to this nurse too: this
  // request's offer is the one to follow.
  const [offer] = await sql<{ id: string }>(
    'select id from public.home_care_offers where request_id = $1 and practitioner_id = $2',
    [requestId, nurse.id],
  );
  expect(offer).toBeDefined();
  const sms = await smsTo(phone, 'homecare.offer', `/home-care/offers/${offer!.id}.`);
  expect(sms.text).toMatch(/^Carebook: soins à domicile, Injection à Villeurbanne/);
  const link = /https?:\/\/\S+\/home-care\/offers\/\S+$/.exec(sms.text)?.[0];
  expect(link).toMatch(new RegExp(`^${e2eEnv.practitionerUrl}/home-care/offers/`));

  // The nurse opens the link signed out: the summary, no street, no phone; sign in to accept.
  const pro = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await pro.goto(link!);
  await expect(pro.getByRole('heading', { name: 'Demande de soins à domicile' })).toBeVisible();
  await expect(pro.getByTestId('offer-care')).toContainText('Injection');
  await expect(pro.getByText('+33612345678')).toHaveCount(0);
  await expectAccessible(pro, 'offer, signed out');
  await screenshots(pro, 'home-care-offer');
  await pro.getByRole('link', { name: 'Se connecter pour accepter' }).click();
  await pro.getByLabel('Adresse e-mail').fill(nurse.email);
  await pro.getByLabel('Mot de passe', { exact: true }).fill(nurse.password);
  await pro.getByLabel('Mot de passe', { exact: true }).press('Enter');
  await expect(pro).toHaveURL(/\/home-care\/offers\//);
  await pro.getByRole('button', { name: 'Accepter' }).click();
  await expect(pro.getByTestId('offer-outcome')).toContainText('C’est à vous');
  await expectAccessible(pro, 'offer, accepted');
  await screenshots(pro, 'home-care-offer-accepted');

  // The visits are the nurse's appointments: four at-home ones, and the round of tomorrow lists them.
  const booked = await sql<{ n: number }>(
    `select count(*)::int as n from public.appointments
      where practitioner_id = $1 and mode = 'at_home' and status = 'confirmed'`,
    [nurse.id],
  );
  expect(booked[0]!.n).toBe(4);
  await pro.getByRole('link', { name: 'Voir ma tournée' }).click();
  await expect(pro).toHaveURL(/\/rounds$/);
  await pro.getByLabel(/^Jour/).fill(tomorrowIn('Europe/Paris'));
  await expect(pro.getByTestId('rounds-visits').locator('li')).toHaveCount(2);
  await expect(pro.getByText('Trajets estimés en ligne droite')).toBeVisible();
  await pro.getByRole('button', { name: 'Réordonner les visites' }).click();
  await expect(pro.getByRole('link', { name: 'Ouvrir l’itinéraire dans Maps' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1/,
  );
  await expectAccessible(pro, 'rounds');
  await screenshots(pro, 'home-care-rounds');

  // The nurse's bell holds the offer too, as a link to its page.
  await pro.getByRole('button', { name: /notifications? non lues?$/ }).click();
  const offerItem = pro
    .getByRole('dialog', { name: 'Notifications' })
    .getByRole('link', { name: /Une demande de soins à domicile près de chez vous/ })
    .and(pro.locator(`[href^="/home-care/offers/${offer!.id}."]`));
  await expect(offerItem).toHaveAttribute('href', /^\/home-care\/offers\/[0-9a-f-]{36}\.[0-9a-f]{32}$/);
  await pro.keyboard.press('Escape');

  // The patient sees who is coming; the bell's notice leads to the request (keyboard: Enter).
  await notifyTick();
  await page.goto(`${e2eEnv.bookingUrl}/home-care`);
  const bell = page.getByRole('button', { name: '1 notification non lue' });
  await bell.focus();
  await page.keyboard.press('Enter');
  const notice = page
    .getByRole('dialog', { name: 'Notifications' })
    .getByRole('link', { name: /Inès Roy a accepté votre demande de soins à domicile/ });
  await notice.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/home-care/${requestId}$`));
  await expect(page.getByRole('button', { name: 'Aucune notification non lue' })).toBeVisible();
  await expect(page.getByTestId('home-care-state')).toContainText('Inès Roy s’occupe de votre demande');
  await expect(page.getByTestId('home-care-who')).toContainText('Inès Roy');
  await expectAccessible(page, 'home-care status, scheduled');
  await screenshots(page, 'home-care-status-scheduled');

  // And finds it again in their list of requests: who accepted, the care, the first day.
  await page.getByRole('link', { name: 'Mes demandes de soins' }).click();
  await expect(page).toHaveURL(/\/home-care\/requests$/);
  const item = page.getByTestId('my-home-care-request');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Injection');
  await expect(item).toContainText('Pour Jeanne Martin');
  await expect(item).toContainText('Acceptée par Inès Roy');
  await expect(item).toContainText(/À partir du .+ \(Europe\/Paris\) · pendant 2 jours/);
  await expectAccessible(page, 'my home-care requests');
  await screenshots(page, 'home-care-my-requests');
  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/home-care/${requestId}$`));
});
