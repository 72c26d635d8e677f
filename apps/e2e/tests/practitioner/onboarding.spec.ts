// The practitioner's first hour: sign up, go through every step of the profile wizard, submit
// for verification; a reload resumes where they left off; the availability editor's preview
// follows weekly hours and time off. Axe on every step and page, screenshots at 360, 768 and 1280 px.
import { expect, test, type Page } from '@playwright/test';
import {
  advance,
  confirmedUser,
  createPractitionerProfile,
  practitioner,
  sql,
  TEST_PASSWORD,
  uniqueEmail,
  validAdeli,
} from '@carebook/testing';
import { waitForEmailLink } from '../../support/inbox.ts';
import { expectAccessible, screenshots } from '../../support/page-checks.ts';
import { signInAs } from '../../support/payment-journeys.ts';
import { openWorkspacePage } from '../../support/workspace.ts';

const WIZARD_WIDTHS = [360, 768, 1280];

/** Moves the mouse off the page and waits for Quasar's hover tint to fade (a 0.4 s transition). */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.q-focus-helper')].every(
      (e) => e.parentElement === document.activeElement || getComputedStyle(e).opacity === '0',
    ),
  );
}

async function checkStep(page: Page, name: string, shots = true): Promise<void> {
  // axe judges the page at rest, not the tint of the button the mouse just left.
  await settle(page);
  await expectAccessible(page, `onboarding: ${name}`);
  if (shots) await screenshots(page, `onboarding-${name}`, WIZARD_WIDTHS);
}

const stepHeading = (page: Page) => page.getByRole('heading', { level: 2 });

/** A small picture drawn by the browser, as a PNG file's bytes. */
async function pngBytes(page: Page, width: number, height: number): Promise<Buffer> {
  const data = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const c = canvas.getContext('2d')!;
      c.fillStyle = '#0b6e69';
      c.fillRect(0, 0, w, h);
      c.fillStyle = '#ffffff';
      c.beginPath();
      c.arc(w / 2, h / 2, Math.min(w, h) / 3, 0, Math.PI * 2);
      c.fill();
      return canvas.toDataURL('image/png').split(',')[1]!;
    },
    [width, height] as const,
  );
  return Buffer.from(data, 'base64');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test.describe('onboarding', () => {
  test('signs up, completes every step, submits, and sees the status', async ({ page }) => {
    test.setTimeout(120_000);
    const email = uniqueEmail('onboard');
    await page.goto('/auth?mode=sign-up');
    await page.getByLabel('Nom complet').fill('Claire Fontaine');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.goto(await waitForEmailLink(email, /\/auth\/v1\/verify\?/));
    await page.getByLabel('Mot de passe', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page).toHaveURL(/\/account$/);

    await openWorkspacePage(page, 'Profil');
    await expect(page).toHaveURL(/\/onboarding$/);

    // 1. Profession and number, refused with the registry's reason, then accepted.
    await expect(stepHeading(page)).toHaveText('Profession');
    await expect(page.getByLabel('Nom affiché aux patients')).toHaveValue('Claire Fontaine');
    await page.getByRole('combobox', { name: 'Profession' }).click();
    await page.getByRole('option', { name: 'Psychologue', exact: true }).click();
    await page.getByLabel('Numéro ADELI').fill('12345');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await expect(page.getByText('Un numéro ADELI compte 9 chiffres.')).toBeVisible();
    await page.getByLabel('Numéro ADELI').fill('12a456789');
    await expect(page.getByText('Le numéro ne doit contenir que des chiffres.')).toBeVisible();
    await page.getByLabel('Numéro ADELI').fill(validAdeli());
    await checkStep(page, 'profession');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    // 2. Presentation: a landscape photo comes back square.
    await expect(stepHeading(page)).toHaveText('Présentation');
    await page.getByTestId('photo-input').setInputFiles({
      name: 'portrait.png',
      mimeType: 'image/png',
      buffer: await pngBytes(page, 600, 400),
    });
    const preview = page.getByTestId('photo-preview');
    // Cropped to a square; the image's own size is known once it has loaded (the box is fixed).
    await expect(preview).toHaveJSProperty('naturalWidth', 400);
    await expect(preview).toHaveJSProperty('naturalHeight', 400);
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await expect(page.getByText('Écrivez quelques lignes de présentation en français.')).toBeVisible();
    await page.getByLabel('Présentation en français').fill('Psychologue clinicienne, thérapies brèves.');
    await page
      .getByLabel('Présentation en anglais (facultative)')
      .fill('Clinical psychologist, brief therapies.');
    await page.getByRole('checkbox', { name: 'Anglais' }).click();
    await checkStep(page, 'profile');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    // 3. Place: at the practice needs an address picked from the suggestions.
    await expect(stepHeading(page)).toHaveText('Lieu d’exercice');
    await page.getByRole('checkbox', { name: 'Au cabinet' }).click();
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await expect(page.getByText('Choisissez l’adresse du cabinet dans les suggestions.')).toBeVisible();
    await page.getByLabel('Adresse du cabinet').fill('Lyon');
    await page.getByRole('list', { name: 'Suggestions d’adresses' }).getByRole('button').first().click();
    await expect(page.getByTestId('chosen-address')).toContainText('Lyon');
    // The practice's time zone: Paris unless changed; France's overseas zones are listed first.
    const zone = page.getByLabel('Fuseau horaire du cabinet');
    await expect(zone).toHaveValue('Europe/Paris');
    await expect(zone.locator('optgroup').first()).toHaveAttribute('label', 'France et outre-mer');
    await zone.selectOption('America/Martinique');
    await checkStep(page, 'address');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    // 4. Consultation types.
    await expect(stepHeading(page)).toHaveText('Consultations');
    await page.getByLabel('Nom en français').fill('Première consultation');
    await page.getByLabel('Prix (€)').fill('abc');
    await page.getByRole('button', { name: 'Enregistrer le type' }).click();
    await expect(page.getByText('Indiquez un prix entre 0 et 100 000 €.')).toBeVisible();
    await page.getByLabel('Prix (€)').fill('60');
    await page.getByLabel('Durée (minutes)').fill('50');
    await page.getByRole('button', { name: 'Enregistrer le type' }).click();
    await expect(page.getByTestId('consultation-type')).toContainText('50 min · 60,00 € · En vidéo');
    await checkStep(page, 'types');
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 5. Weekly hours: one range on Monday.
    await expect(stepHeading(page)).toHaveText('Horaires');
    await expect(page.getByRole('button', { name: 'Continuer' })).toBeDisabled();
    await page.getByRole('button', { name: 'Ajouter une plage le lundi' }).click();
    await expect(page.getByTestId('day-1').getByText('Enregistré')).toBeVisible();
    await checkStep(page, 'hours');
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 6. Documents, with a progress bar while each uploads.
    await expect(stepHeading(page)).toHaveText('Justificatifs');
    await page
      .getByTestId('file-diploma')
      .setInputFiles({ name: 'diplome.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByTestId('documents-diploma').getByTestId('document')).toContainText('diplome.pdf');
    await page
      .getByTestId('file-identity')
      .setInputFiles({ name: 'identite.png', mimeType: 'image/png', buffer: await pngBytes(page, 200, 120) });
    await expect(page.getByTestId('documents-identity').getByTestId('document')).toContainText(
      'identite.png',
    );
    await page
      .getByTestId('file-other')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await expect(page.getByText('Ce fichier n’est ni un PDF ni une image JPEG ou PNG.')).toBeVisible();
    await checkStep(page, 'documents');
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 7. Submit, then the status.
    await expect(stepHeading(page)).toHaveText('Vérification');
    await expect(page.getByTestId('verification-status-text')).toHaveText('Brouillon : pas encore envoyé');
    await checkStep(page, 'submit-draft', false);
    await page.getByRole('button', { name: 'Envoyer pour vérification' }).click();
    await expect(page.getByTestId('verification-status-text')).toHaveText(
      /^Envoyé le .+ : en cours de vérification$/,
    );
    await checkStep(page, 'submitted');
    // Under review, the presentation still changes; the documents do not.
    await page.getByTestId('step-documents').click();
    await expect(page.getByTestId('documents-locked')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Ajouter :/ })).toHaveCount(0);
    await page.getByTestId('step-profile').click();
    await page
      .getByLabel('Présentation en français')
      .fill('Psychologue clinicienne, thérapies brèves, à Lyon.');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await expect(stepHeading(page)).toHaveText('Lieu d’exercice');

    const [row] = await sql<{
      verification_status: string;
      modes: string[];
      docs: number;
      types: number;
      rules: number;
      time_zone: string;
    }>(
      `select p.verification_status::text, p.modes::text[] as modes, p.time_zone,
              (select count(*)::int from public.verification_documents d where d.practitioner_id = p.id) as docs,
              (select count(*)::int from public.consultation_types t where t.practitioner_id = p.id) as types,
              (select count(*)::int from public.availability_rules r where r.practitioner_id = p.id) as rules
         from public.practitioners p join public.profiles pr on pr.id = p.id where pr.email = $1`,
      [email],
    );
    expect(row).toEqual({
      verification_status: 'submitted',
      modes: ['video', 'in_person'],
      docs: 2,
      types: 1,
      rules: 1,
      time_zone: 'America/Martinique',
    });
  });

  test('a plain sign-in lands on the wizard, and a reload resumes at the first step left to do', async ({
    page,
  }) => {
    const user = await confirmedUser('practitioner', { fullName: 'Malo Besson', meta: { locale: 'fr' } });
    await page.goto('/auth');
    await page.getByLabel('Adresse e-mail').fill(user.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(stepHeading(page)).toHaveText('Profession');
    // Nothing after the first step opens before the profile exists.
    await expect(page.getByTestId('step-types')).toBeDisabled();

    // Keyboard only: Tab to the profession, type to find it, Enter to pick, Enter to save.
    await page.getByLabel('Nom affiché aux patients').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Profession' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Sophro');
    await expect(page.getByRole('option', { name: 'Sophrologue', exact: true })).toBeVisible();
    await page.getByRole('option', { name: 'Sophrologue', exact: true }).press('Enter');
    await expect(
      page.getByText('Cette profession n’a pas de registre national : aucun numéro n’est demandé.'),
    ).toBeVisible();
    await page.getByLabel('Nom affiché aux patients').press('Enter');
    await expect(stepHeading(page)).toHaveText('Présentation');
    await expect(stepHeading(page)).toBeFocused();
    await page.getByLabel('Présentation en français').fill('Sophrologue à Nantes.');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await expect(stepHeading(page)).toHaveText('Lieu d’exercice');

    await page.reload();
    await expect(stepHeading(page)).toHaveText('Lieu d’exercice');
    await expect(page.getByText('Étape 3 sur 7')).toBeVisible();
    await page.getByTestId('step-profile').click();
    await expect(page.getByLabel('Présentation en français')).toHaveValue('Sophrologue à Nantes.');

    // The same wizard in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(stepHeading(page)).toHaveText('About you');
    await expect(page.getByText('Step 2 of 7')).toBeVisible();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(stepHeading(page)).toHaveText('Practice location');
    await expect(page.getByText('Optional for video consultations.')).toBeVisible();
    await settle(page);
    await expectAccessible(page, 'onboarding in English');

    // A practice overseas: its time zone comes with the address, and is saved with the step.
    await page.getByRole('checkbox', { name: 'At the practice' }).click();
    await page.getByLabel('Practice address').fill('Fort-de-Fr');
    await page.getByRole('list', { name: 'Address suggestions' }).getByRole('button').first().click();
    await expect(page.getByTestId('chosen-address')).toContainText('Fort-de-France');
    await expect(page.getByLabel('Practice time zone')).toHaveValue('America/Martinique');
    await expect(page.getByText('Time zone America/Martinique, from the practice address.')).toBeVisible();
    await expectAccessible(page, 'onboarding, overseas address');
    await screenshots(page, 'onboarding-address-overseas', [360, 1280]);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(stepHeading(page)).toHaveText('Consultations');
    const [saved] = await sql<{ time_zone: string; formatted_address: string }>(
      `select p.time_zone, p.formatted_address from public.practitioners p
         join public.profiles pr on pr.id = p.id where pr.email = $1`,
      [user.email],
    );
    expect(saved).toEqual({
      time_zone: 'America/Martinique',
      formatted_address: expect.stringContaining('Martinique'),
    });
    await page.getByRole('button', { name: 'Français' }).click();
  });

  test('a rejected profile shows the reason, and is fixed and submitted again', async ({ page }) => {
    const pro = await practitioner({ fullName: 'Inès Roux', meta: { locale: 'fr' } });
    await createPractitionerProfile(pro, { bio_fr: 'Psychologue.', modes: ['video'] });
    await pro.client.from('consultation_types').insert({
      practitioner_id: pro.id,
      name_fr: 'Séance',
      duration_minutes: 45,
      price_cents: 5000,
      mode: 'video',
    });
    await pro.client
      .from('availability_rules')
      .insert({ practitioner_id: pro.id, weekday: 2, start_time: '09:00', end_time: '12:00' });
    for (const kind of ['diploma', 'identity'] as const)
      await sql(
        `insert into public.verification_documents (practitioner_id, kind, object_path, file_name, mime_type, size_bytes)
         values ($1::uuid, $2::public.document_kind, $1::text || '/' || $2::text || '.pdf', $2::text || '.pdf', 'application/pdf', 100)`,
        [pro.id, kind],
      );
    await advance(pro.id, 'submitted', {
      status: 'rejected',
      reason: 'Le diplôme est illisible : envoyez un scan plus net.',
    });

    await signInAs(page, pro, '/onboarding');
    await expect(page.getByTestId('verification-status-text')).toHaveText('Profil refusé');
    await expect(page.getByTestId('status-reason')).toHaveText(
      'Le diplôme est illisible : envoyez un scan plus net.',
    );
    await checkStep(page, 'rejected');

    await page.getByTestId('step-documents').click();
    await expect(page.getByTestId('rejected-banner')).toContainText('Le diplôme est illisible');
    await page
      .getByTestId('file-diploma')
      .setInputFiles({ name: 'diplome-net.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByTestId('documents-diploma').getByTestId('document')).toHaveCount(2);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('button', { name: 'Renvoyer pour vérification' }).click();
    await expect(page.getByTestId('verification-status-text')).toHaveText(/^Envoyé le /);

    // The home page says so too, with the way back to the profile.
    await page.goto('/');
    await expect(page.getByTestId('home-profile-status')).toContainText('Envoyé : notre équipe le vérifie.');
    await settle(page);
    await expectAccessible(page, 'home with the profile status');
    await page.getByRole('link', { name: 'Voir mon profil' }).click();
    await expect(page).toHaveURL(/\/onboarding$/);
  });
});

test.describe('availability', () => {
  test('a weekly range shows its slots in the preview; time off removes them; undo brings them back', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const pro = await practitioner({ fullName: 'Lou Garnier', meta: { locale: 'fr' } });
    await createPractitionerProfile(pro, { time_zone: 'Europe/Paris' });
    await pro.client.from('consultation_types').insert({
      practitioner_id: pro.id,
      name_fr: 'Séance',
      duration_minutes: 60,
      price_cents: 0,
      mode: 'video',
      min_notice_minutes: 0,
      slot_step_minutes: 60,
    });

    await signInAs(page, pro);
    await openWorkspacePage(page, 'Disponibilités');
    await expect(page.getByRole('heading', { level: 1, name: 'Disponibilités' })).toBeVisible();
    await expect(page.getByTestId('no-slots')).toBeVisible();
    await settle(page);
    await expectAccessible(page, 'availability, empty');

    // Wednesday, 09:00-12:00 (the proposed range): three one-hour slots each Wednesday.
    await page.getByRole('button', { name: 'Ajouter une plage le mercredi' }).click();
    await expect(page.getByTestId('day-3').getByText('Enregistré')).toBeVisible();
    await expect(page.getByTestId('slot-count')).toHaveText(/^\d+ créneaux réservables$/);
    const count = Number((await page.getByTestId('slot-count').textContent())!.split(' ')[0]);
    // Two Wednesdays ahead (one more or less an hour's slot near a clock change), of which today's
    // may be partly past: the whole Wednesday is the first one that starts at 09:00.
    expect(count).toBeGreaterThanOrEqual(3);
    const nextWednesday = page.locator('[data-testid^="preview-"]').filter({ hasText: '09:00' }).first();
    await expect(nextWednesday).toContainText('mercredi');
    await expect(nextWednesday).toContainText('09:00');
    const date = (await nextWednesday.getAttribute('data-testid'))!.replace('preview-', '');

    // An overlapping range is refused with the reason and not saved.
    await page.getByRole('button', { name: 'Ajouter une plage le mercredi' }).click();
    const second = page.getByTestId('day-3').getByTestId('range').nth(1);
    await second.getByLabel('Début').fill('11:00');
    await second.getByLabel('Début').blur();
    await expect(page.getByText('Cette plage chevauche la plage 09:00–12:00 du même jour.')).toBeVisible();
    await second.getByLabel('Fin').fill('10:00');
    await second.getByLabel('Fin').blur();
    await expect(page.getByText('L’heure de fin doit être après l’heure de début.')).toBeVisible();
    await second.getByRole('button', { name: /^Supprimer la plage/ }).click();

    // Time off on that Wednesday morning: its slots leave the preview.
    await page.getByRole('button', { name: 'Ajouter une exception' }).click();
    const form = page.getByTestId('exception-form');
    await form.getByLabel('Du').fill(date);
    await form.getByLabel('Au').fill(date);
    await form.getByLabel('De').fill('08:00');
    await form.getByLabel('À', { exact: true }).fill('13:00');
    await form.getByLabel('Note (facultative)').fill('Formation');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByTestId('exception')).toContainText('Absence');
    await expect(page.getByTestId(`preview-${date}`)).toHaveCount(0);
    await expect(page.getByTestId('slot-count')).toHaveText(
      new RegExp(`^${count - 3} créneaux? réservables?$`),
    );
    await settle(page);
    await expectAccessible(page, 'availability, with time off');
    await screenshots(page, 'availability', [768, 1280]);

    // Delete, then undo: the time off is back and the slots leave again.
    await page.getByRole('button', { name: /^Supprimer l’exception du/ }).click();
    await expect(page.getByTestId(`preview-${date}`)).toBeVisible();
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByTestId('exception-notice')).toHaveText('Exception rétablie.');
    await expect(page.getByTestId('exception')).toHaveCount(1);
    await expect(page.getByTestId(`preview-${date}`)).toHaveCount(0);

    // Edited to end at 10:00: only the 09:00 slot stays closed.
    await page.getByRole('button', { name: /^Modifier l’exception du/ }).click();
    await expect(form.getByLabel('De')).toHaveValue('08:00');
    await form.getByLabel('À', { exact: true }).fill('10:00');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByTestId('exception')).toContainText('08:00–10:00');
    await expect(page.getByTestId(`preview-${date}`)).toContainText('10:00');
    await expect(page.getByTestId(`preview-${date}`)).not.toContainText('09:00');
  });
});
