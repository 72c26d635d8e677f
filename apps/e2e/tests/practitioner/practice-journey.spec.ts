// Issue 13's journey, both apps in one test: a practitioner signs up and goes through the wizard,
// submits; staff approve through the API and a subscription is recorded (service role, as the
// Stripe webhook would); the practitioner is found in the booking app's search; a patient books
// the free type; the appointment is in the practitioner's calendar, who drags it an hour later and
// confirms; the patient's "my appointments" shows the new time and the inbox the message.
// Axe and screenshots of these pages are taken by the specs of each page, not repeated here.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  anon,
  confirmedUser,
  notifyTick,
  sql,
  staff,
  subscribe,
  TEST_PASSWORD,
  uniqueEmail,
  validAdeli,
} from '@carebook/testing';
import { pickSlot, signInInline } from '../../support/booking.ts';
import { calendarEvent, dragEventDown, openCalendarAt } from '../../support/calendar.ts';
import { e2eEnv } from '../../support/env.ts';
import { waitForEmail, waitForEmailLink } from '../../support/inbox.ts';
import { reviewCall } from '../../support/staff.ts';
import { openWorkspacePage } from '../../support/workspace.ts';

const ZONE = 'Europe/Paris';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test.use({ timezoneId: ZONE, viewport: { width: 1280, height: 1000 } });

const parisDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(iso));
const parisTime = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

/** The first day offering both 09:00 and 10:00 (Paris) for this type, as anybody sees the slots. */
async function firstMondayMorning(
  practitionerId: string,
  typeId: string,
): Promise<{ at: string; to: string }> {
  const now = Date.now();
  const { data, error } = await anon().rpc('get_available_slots', {
    p_practitioner_id: practitionerId,
    p_consultation_type_id: typeId,
    p_from: new Date(now).toISOString(),
    p_to: new Date(now + 20 * 86_400_000).toISOString(),
  });
  if (error) throw new Error(`get_available_slots: ${error.message}`);
  const starts = data.map((s) => new Date(s.starts_at).toISOString());
  for (const at of starts) {
    if (parisTime(at) !== '09:00') continue;
    const to = starts.find((x) => parisDay(x) === parisDay(at) && parisTime(x) === '10:00');
    if (to) return { at, to };
  }
  throw new Error(`no day with 09:00 and 10:00 free among ${starts.length} slots`);
}

test('sign up, onboard, approved, found, booked, moved in the calendar; the patient sees it and is told', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // A name of this test's own: the search must find this practitioner and nobody else.
  const name = `Claire Fontaine-${randomUUID().slice(0, 6)}`;
  const email = uniqueEmail('journey');

  // 1. The practitioner signs up and proves the address.
  await page.goto('/auth?mode=sign-up');
  await page.getByLabel('Nom complet').fill(name);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' })).toBeVisible();
  await page.goto(await waitForEmailLink(email, /\/auth\/v1\/verify\?/));
  await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page).toHaveURL(/\/account$/);

  // 2. The wizard, step by step: video only, one free 30-minute type, Monday mornings.
  await openWorkspacePage(page, 'Profil');
  await expect(page).toHaveURL(/\/onboarding$/);
  const stepHeading = page.getByRole('heading', { level: 2 });
  await expect(stepHeading).toHaveText('Profession');
  await expect(page.getByLabel('Nom affiché aux patients')).toHaveValue(name);
  await page.getByRole('combobox', { name: 'Profession' }).click();
  await page.getByRole('option', { name: 'Psychologue', exact: true }).click();
  await page.getByLabel('Numéro ADELI').fill(validAdeli());
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

  await expect(stepHeading).toHaveText('Présentation');
  await page.getByLabel('Présentation en français').fill('Psychologue clinicienne, consultations en vidéo.');
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

  await expect(stepHeading).toHaveText('Lieu d’exercice');
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

  await expect(stepHeading).toHaveText('Consultations');
  await page.getByLabel('Nom en français').fill('Premier échange');
  await page.getByLabel('Prix (€)').fill('0');
  await page.getByLabel('Durée (minutes)').fill('30');
  await page.getByRole('button', { name: 'Enregistrer le type' }).click();
  await expect(page.getByTestId('consultation-type')).toContainText('30 min');
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(stepHeading).toHaveText('Horaires');
  await page.getByRole('button', { name: 'Ajouter une plage le lundi' }).click();
  await expect(page.getByTestId('day-1').getByText('Enregistré')).toBeVisible();
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(stepHeading).toHaveText('Justificatifs');
  await page
    .getByTestId('file-diploma')
    .setInputFiles({ name: 'diplome.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByTestId('documents-diploma').getByTestId('document')).toContainText('diplome.pdf');
  await page
    .getByTestId('file-identity')
    .setInputFiles({ name: 'identite.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByTestId('documents-identity').getByTestId('document')).toContainText('identite.pdf');
  await page.getByRole('button', { name: 'Continuer' }).click();

  // 3. Submitted: the status says it is being checked.
  await expect(stepHeading).toHaveText('Vérification');
  await page.getByRole('button', { name: 'Envoyer pour vérification' }).click();
  await expect(page.getByTestId('verification-status-text')).toHaveText(
    /^Envoyé le .+ : en cours de vérification$/,
  );

  const [pro] = await sql<{ id: string; type_id: string }>(
    `select p.id, t.id as type_id
       from public.practitioners p
       join public.profiles pr on pr.id = p.id
       join public.consultation_types t on t.practitioner_id = p.id
      where pr.email = $1`,
    [email],
  );
  expect(pro).toBeDefined();

  // 4. Staff approve through the API; the subscription is the Stripe webhook's (service role).
  const desk = await staff();
  expect(
    await reviewCall(desk, { practitioner_id: pro!.id, action: 'approve', expected_status: 'submitted' }),
  ).toBe(200);
  await subscribe(pro!.id, 'active');
  const [published] = await sql<{ published: boolean }>(
    `select published from public.practitioners where id = $1`,
    [pro!.id],
  );
  expect(published).toEqual({ published: true });
  await page.reload();
  await expect(page.getByTestId('verification-status-text')).toHaveText('Profil vérifié');

  // 5. A patient finds the practitioner in the booking app and books the free type.
  const { at, to } = await firstMondayMorning(pro!.id, pro!.type_id);
  const patientAccount = await confirmedUser('patient', { fullName: 'Inès Durand', meta: { locale: 'fr' } });
  const booking = await browser.newContext({ baseURL: e2eEnv.bookingUrl, locale: 'fr-FR', timezoneId: ZONE });
  const patientPage = await booking.newPage();
  await patientPage.goto('/');
  await patientPage.getByLabel('Profession, spécialité ou nom').fill(name);
  await patientPage.getByTestId('search-submit').click();
  const found = patientPage.getByTestId('practitioner-card').filter({ hasText: name });
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Vérifié');
  await found.getByRole('link', { name }).click();
  await expect(patientPage.getByTestId('practitioner-name')).toHaveText(name);
  await pickSlot(patientPage, at);
  await signInInline(patientPage, patientAccount.email, patientAccount.password);
  await expect(patientPage.getByTestId('booking-summary')).toContainText('09:00');
  await patientPage.getByTestId('book').click();
  await expect(patientPage.getByTestId('confirmed-title')).toHaveText('Rendez-vous confirmé');
  await expect(patientPage.getByTestId('detail-time')).toContainText('09:00 – 09:30');

  // 6. In the practitioner's calendar; dragged an hour later and confirmed.
  const day = parisDay(at);
  await openCalendarAt(page, day);
  await expect(page.getByTestId('cal-zone')).toContainText(ZONE);
  const event = calendarEvent(page, 'Inès Durand · Premier échange');
  await expect(event).toContainText('09:00');
  await dragEventDown(page, event, 1);
  await expect(page.getByRole('heading', { name: 'Déplacer ce rendez-vous ?' })).toBeVisible();
  await expect(page.getByTestId('move-confirm-body')).toContainText('09:00 (Europe/Paris)');
  await expect(page.getByTestId('move-confirm-body')).toContainText('10:00 (Europe/Paris)');
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('cal-flash')).toHaveText('Rendez-vous déplacé. Le patient est prévenu.');
  await expect(event).toContainText('10:00');
  const [row] = await sql<{ starts_at: Date }>(
    `select starts_at from public.appointments where practitioner_id = $1 and status = 'confirmed'`,
    [pro!.id],
  );
  expect(row!.starts_at.toISOString()).toBe(to);

  // 7. The patient's "my appointments" shows the new time; the message reaches the inbox.
  await patientPage.goto('/appointments');
  const item = patientPage.locator('[data-status="confirmed"]').filter({ hasText: name });
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('appointment-when')).toContainText('10:00');
  await notifyTick();
  const message = await waitForEmail(patientAccount.email, new RegExp(`^Rendez-vous déplacé avec ${name}$`));
  expect(message.text).toContain('10:00');
  expect(message.text).toContain('Il était prévu le');
  await booking.close();
});
