// The staff desk as staff use it: a practitioner's submission rejected with a reason, fixed and
// resubmitted, approved and published; a decision on a state someone else changed meanwhile
// refused and explained; a content page written, published and read in the booking app in French
// and English with no script run; the failures and audit screens. Patients (and practitioners)
// opening /staff get a "not allowed" page and no data, in the page or on the network. Every
// screen: axe (0 serious/critical) and screenshots at 1280 and 768 px (and 390 via screenshots()).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import {
  createPractitionerProfile,
  patient,
  practitioner,
  service,
  sql,
  staff,
  submit,
  subscribe,
  type TestUser,
  uniqueLetters,
  uniqueSlug,
} from '@carebook/testing';
import { expectAccessible, screenshots } from '../../support/page-checks.ts';
import { signInAs } from '../../support/payment-journeys.ts';
import { openWorkspacePage } from '../../support/workspace.ts';
import { e2eEnv } from '../../support/env.ts';
import { reviewCall } from '../../support/staff.ts';

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));

/** axe, then full-page screenshots at 1280 and 768 px (plus 390 and 1280 through screenshots()). */
async function checkScreen(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  mkdirSync(SCREENS, { recursive: true });
  const before = page.viewportSize();
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SCREENS}${name}-768.png`, fullPage: true });
  if (before) await page.setViewportSize(before);
  await screenshots(page, name);
}

async function submittedPractitioner(name: string): Promise<{ pro: TestUser; documentId: string }> {
  const pro = await practitioner({ fullName: name });
  await createPractitionerProfile(pro, {
    display_name: name,
    bio_fr: 'Psychologue clinicienne.',
    bio_en: 'Clinical psychologist.',
  });
  const path = `${pro.id}/diploma.pdf`;
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  const upload = await pro.client.storage
    .from('verification-documents')
    .upload(path, pdf, { contentType: 'application/pdf' });
  expect(upload.error).toBeNull();
  const doc = await pro.client
    .from('verification_documents')
    .insert({
      practitioner_id: pro.id,
      kind: 'diploma',
      object_path: path,
      file_name: 'diploma.pdf',
      mime_type: 'application/pdf',
      size_bytes: pdf.length,
    })
    .select('id')
    .single();
  expect(doc.error).toBeNull();
  await submit(pro);
  return { pro, documentId: doc.data?.id as string };
}

test.describe('staff desk', () => {
  test('reject with a reason, resubmission, approval, publication; a stale decision is refused', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const name = `Dr ${uniqueLetters(6)} Morel`;
    const { pro, documentId } = await submittedPractitioner(name);
    const desk = await staff({ fullName: 'Inès Laurent' });

    // In through the header menu, which lists the desk for staff only.
    await signInAs(page, desk);
    await openWorkspacePage(page, 'Bureau de l’équipe');
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Bureau de l’équipe' })).toBeVisible();
    await expect(page.getByTestId('count-toReview')).toContainText(/\d+ profils? à vérifier/);
    await checkScreen(page, 'staff-home');

    await page.getByRole('tab', { name: 'Vérifications' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vérifications' })).toBeVisible();
    await expect(page.getByTestId('staff-row').first()).toContainText('À vérifier');
    await expect(page.getByTestId('staff-row').first()).toContainText(/en attente depuis|soumis à l’instant/);
    await checkScreen(page, 'staff-queue');

    // The directory finds them on the server by a piece of their name.
    await page.getByRole('tab', { name: 'Praticiens' }).click();
    await page.getByTestId('staff-search').fill(name.split(' ')[1] ?? name);
    await page.getByTestId('staff-search').press('Enter');
    await expect(page.getByTestId('staff-row')).toHaveCount(1);
    await expect(page.getByTestId('staff-row')).toContainText('Aucun abonnement');
    await checkScreen(page, 'staff-directory');
    await page.getByRole('link', { name: `Examiner le profil de ${name}` }).click();

    // The review page: profile, registration check, the document inline (one audit row per view).
    await expect(page.getByTestId('review-name')).toHaveText(name);
    await expect(page.getByTestId('review-status')).toHaveText('À vérifier');
    await expect(page.getByTestId('registration-check')).toContainText('respecte la règle du registre ADELI');
    await page.getByRole('button', { name: 'Afficher diploma.pdf' }).click();
    await expect(page.getByTestId('document-viewer').locator('iframe')).toHaveAttribute(
      'src',
      /verification-documents/,
    );
    const views = await sql<{ n: number }>(
      `select count(*)::int as n from public.audit_log where action = 'verification_document_read' and record_id = $1`,
      [documentId],
    );
    expect(views).toEqual([{ n: 1 }]);
    await expect(page.getByTestId('review-history')).toContainText('Justificatif consulté');
    await checkScreen(page, 'staff-review');

    // Reject: the reason is required, then reaches the practitioner.
    await page.getByTestId('decide-reject').click();
    await page.getByTestId('decision-confirm').click();
    await expect(page.getByText('Indiquez un motif : il sera montré au praticien.')).toBeVisible();
    const reason = 'Le diplôme est illisible : merci d’envoyer une copie nette.';
    await page.getByTestId('decision-reason').fill(reason);
    await page.getByTestId('decision-confirm').click();
    await expect(page.getByTestId('review-done')).toContainText(
      'Profil refusé : le praticien voit le motif.',
    );
    await expect(page.getByTestId('review-status')).toHaveText('Refusé');
    await expect(page.getByTestId('current-reason')).toHaveText(reason);
    await expect(page.getByTestId('review-history')).toContainText('À vérifier → Refusé');
    await expect(page.getByTestId('review-history')).toContainText(reason);

    // The practitioner reads the reason on their own profile (the profile screens are the
    // onboarding feature's), fixes it and submits again.
    const own = await pro.client
      .from('practitioners')
      .select('verification_status, status_reason')
      .eq('id', pro.id)
      .single();
    expect(own.data).toEqual({ verification_status: 'rejected', status_reason: reason });
    expect(
      (
        await pro.client
          .from('practitioners')
          .update({ bio_fr: 'Psychologue clinicienne, diplôme lisible.' })
          .eq('id', pro.id)
      ).error,
    ).toBeNull();
    await submit(pro);

    await page.getByTestId('review-error').or(page.getByTestId('review-done')).first().waitFor();
    await page.reload();
    await expect(page.getByTestId('review-status')).toHaveText('À vérifier');
    await page.getByTestId('decide-approve').click();
    await page.getByTestId('decision-confirm').click();
    await expect(page.getByTestId('review-done')).toContainText('Profil approuvé.');
    await expect(page.getByTestId('review-status')).toHaveText('Vérifié');
    await subscribe(pro.id, 'active');
    const [published] = await sql<{ published: boolean }>(
      `select published from public.practitioners where id = $1`,
      [pro.id],
    );
    expect(published).toEqual({ published: true });
    await page.reload();
    await expect(page.getByRole('main')).toContainText('Publié');

    // Another staff member suspends while this page still shows "Vérifié": this decision is refused.
    const other = await staff();
    expect(
      await reviewCall(other, {
        practitioner_id: pro.id,
        action: 'suspend',
        reason: 'Plainte reçue',
        expected_status: 'verified',
      }),
    ).toBe(200);
    await page.getByTestId('decide-suspend').click();
    await page.getByTestId('decision-reason').fill('Doublon de compte');
    await page.getByTestId('decision-confirm').click();
    await expect(page.getByTestId('review-error')).toContainText(
      'Quelqu’un de l’équipe a statué sur ce profil entre-temps',
    );
    await expect(page.getByTestId('review-status')).toHaveText('Suspendu');
    await expect(page.getByTestId('current-reason')).toHaveText('Plainte reçue');
    await checkScreen(page, 'staff-review-stale');
  });

  test('a content page written in Markdown reaches the booking app in French and English, scripts inert', async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const slug = uniqueSlug('aide');
    const desk = await staff();
    await signInAs(page, desk, '/staff/content');
    await expect(page.getByRole('heading', { level: 1, name: 'Pages du site' })).toBeVisible();
    await checkScreen(page, 'staff-content-list');
    await page.getByRole('link', { name: 'Nouvelle page' }).click();
    await page.getByTestId('content-slug').fill(slug);
    await page.getByTestId('content-title').fill('Centre d’aide');
    await page
      .getByTestId('content-body')
      .fill(
        '## Réserver\n\nChoisissez un **créneau**.\n\n<script>window.__hacked = true</script>\n\n<b>brut</b>\n\n[Conditions](/pages/terms)',
      );
    // The live preview renders as the booking app will: formatting yes, raw HTML as text.
    const preview = page.getByTestId('content-preview');
    await expect(preview.getByRole('heading', { level: 2, name: 'Réserver' })).toBeVisible();
    await expect(preview.locator('strong')).toHaveText('créneau');
    await expect(preview).toContainText('<script>window.__hacked = true</script>');
    await expect(preview.locator('script, b')).toHaveCount(0);
    await page.getByTestId('content-published').click();
    await page.getByTestId('content-save').click();
    await expect(page.getByTestId('content-saved')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/staff/content/edit/${slug}$`));
    await checkScreen(page, 'staff-content-editor');

    await page.getByTestId('content-tab-en').click();
    await page.getByTestId('content-title').fill('Help centre');
    await page.getByTestId('content-body').fill('## Booking\n\nPick a **slot**.');
    await page.getByTestId('content-published').click();
    await page.getByTestId('content-save').click();
    await expect(page.getByTestId('content-saved')).toBeVisible();

    // The booking app, signed out: French first, then English through the language switch.
    const visitor = await browser.newPage({ baseURL: e2eEnv.bookingUrl, locale: 'fr-FR' });
    const errors: string[] = [];
    visitor.on('pageerror', (e) => errors.push(e.message));
    await visitor.goto(`/pages/${slug}`);
    await expect(visitor.getByTestId('content-title')).toHaveText('Centre d’aide');
    await expect(visitor.getByRole('heading', { level: 2, name: 'Réserver' })).toBeVisible();
    await expect(visitor.getByTestId('content-body')).toContainText('<b>brut</b>');
    await expect(visitor.getByTestId('content-body').locator('script, b')).toHaveCount(0);
    expect(
      await visitor.evaluate(() => (window as unknown as { __hacked?: boolean }).__hacked),
    ).toBeUndefined();
    await expect(
      visitor.getByTestId('content-body').getByRole('link', { name: 'Conditions' }),
    ).toHaveAttribute('href', '/pages/terms');
    const footer = visitor.getByRole('navigation', { name: 'Informations' });
    for (const [label, target] of [
      ['Aide', 'help'],
      ['Conditions d’utilisation', 'terms'],
      ['Confidentialité', 'privacy'],
      ['À propos', 'about'],
    ]) {
      await expect(footer.getByRole('link', { name: label })).toHaveAttribute('href', `/pages/${target}`);
    }
    await checkScreen(visitor, 'booking-content-page-fr');
    await visitor.getByRole('button', { name: 'EN – English' }).click();
    await expect(visitor.getByTestId('content-title')).toHaveText('Help centre');
    await expect(visitor.getByRole('heading', { level: 2, name: 'Booking' })).toBeVisible();
    await checkScreen(visitor, 'booking-content-page-en');
    // A page that does not exist says so.
    await visitor.goto(`/pages/${uniqueSlug('nothing')}`);
    await expect(visitor.getByTestId('content-missing')).toBeVisible();
    expect(errors).toEqual([]);
    await visitor.close();
  });

  test('catalogue, failures and audit screens work for staff', async ({ page }) => {
    test.setTimeout(90_000);
    const desk = await staff();
    // A dead delivery to retry.
    const someone = await patient();
    const outbox = await service()
      .from('outbox')
      // Already fanned out, so the stack's notification job leaves it alone.
      .insert({
        topic: 'practitioner.verification.rejected',
        payload: {},
        status: 'sent',
        processed_at: new Date().toISOString(),
      })
      .select('id')
      .single();
    const dead = await service()
      .from('deliveries')
      .insert({
        outbox_id: outbox.data?.id as number,
        recipient_id: someone.id,
        channel: 'email',
        status: 'dead',
        attempts: 8,
        last_error: 'Brevo 400: invalid recipient',
      })
      .select('id')
      .single();
    expect(dead.error).toBeNull();

    await signInAs(page, desk, '/staff/operations');
    await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    const row = page.getByTestId('delivery-row').filter({ hasText: someone.email });
    await expect(row).toContainText('Brevo 400: invalid recipient');
    await checkScreen(page, 'staff-operations');
    await row.getByRole('button', { name: `Réessayer l’envoi à ${someone.email}` }).click();
    await expect(row).toContainText('Renvoi programmé');
    const [after] = await sql<{ status: string }>(
      `select status::text from public.deliveries where id = $1`,
      [dead.data?.id],
    );
    // Due again at once: the stack's notification job may already have taken it on.
    expect(after?.status).not.toBe('dead');

    // Catalogue: add a specialty, rename it, see the effect on search.
    await page.getByRole('tab', { name: 'Catalogue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
    const psy = page.getByTestId('profession-psychologist');
    await psy.getByRole('button', { name: /^Ajouter une spécialité à/ }).click();
    const code = uniqueLetters(10);
    await psy.getByLabel('Code').fill(code);
    await psy.getByLabel('Nom en français').fill(`Thérapie ${code}`);
    await psy.getByLabel('Nom en anglais').fill(`Therapy ${code}`);
    await psy.getByRole('button', { name: 'Ajouter une spécialité', exact: true }).click();
    await expect(page.getByTestId('catalogue-notice')).toContainText('Spécialité ajoutée.');
    await psy.getByRole('button', { name: `Renommer Thérapie ${code}` }).click();
    await psy.getByLabel('Nom en français').fill(`Thérapie brève ${code}`);
    await psy.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByTestId('catalogue-notice')).toContainText('Nom enregistré.');
    await expect(psy).toContainText(`Thérapie brève ${code}`);
    await expect(page.getByTestId('search-check-result')).toContainText('trouve 0 praticien publié');
    await checkScreen(page, 'staff-catalogue');

    // Audit log: the retry is there, filterable, read-only.
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByTestId('audit-action').click();
    await page.getByRole('option', { name: 'Notification renvoyée' }).click();
    await page.getByTestId('audit-apply').click();
    await expect(page).toHaveURL(/action=delivery_retried/);
    await expect(page.getByTestId('audit-row').first()).toContainText('Notification renvoyée');
    await expect(page.getByTestId('audit-row').first()).toContainText(desk.email);
    await checkScreen(page, 'staff-audit');
  });

  test('in English, with the keyboard only: reject with a reason from the review page', async ({ page }) => {
    const name = `Dr ${uniqueLetters(6)} Keys`;
    const { pro } = await submittedPractitioner(name);
    const desk = await staff();
    await signInAs(page, desk);
    await page.getByRole('button', { name: 'EN – English' }).click();
    await page.goto(`/staff/practitioners/${pro.id}`);
    await expect(page.getByTestId('review-status')).toHaveText('To review');
    await expect(page.getByTestId('registration-check')).toContainText('follows the ADELI registry’s rule');
    await page.getByTestId('decide-approve').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('decide-reject')).toBeFocused();
    await page.keyboard.press('Enter');
    // The reason field takes the focus; Tab reaches Confirm; Enter decides.
    await expect(page.getByTestId('decision-reason')).toBeFocused();
    await page.keyboard.type('The diploma is unreadable.');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('decision-confirm')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-done')).toContainText(
      'Profile rejected: the practitioner sees the reason.',
    );
    await expect(page.getByTestId('review-history')).toContainText('To review → Rejected');
    await checkScreen(page, 'staff-review-en');
    await page.getByRole('tab', { name: 'Verification' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verification' })).toBeVisible();
    await checkScreen(page, 'staff-queue-en');
  });

  for (const role of ['patient', 'practitioner'] as const) {
    test(`a ${role} opening /staff gets "not allowed" and no data, on screen or on the network`, async ({
      page,
    }) => {
      const who = role === 'patient' ? await patient() : await practitioner();
      const { pro } = await submittedPractitioner(`Dr ${uniqueLetters(6)} Secret`);
      const answers: { url: string; body: string }[] = [];
      page.on('response', async (res) => {
        if (!/\/(rest|functions)\/v1\//.test(res.url())) return;
        answers.push({ url: res.url(), body: await res.text().catch(() => '') });
      });
      await signInAs(page, who);
      // No menu line for them.
      if (role === 'practitioner') {
        await page.getByRole('button', { name: 'Mon espace' }).click();
        await expect(page.getByRole('menuitem', { name: 'Bureau de l’équipe' })).toHaveCount(0);
        await page.keyboard.press('Escape');
      }
      for (const path of [
        '/staff',
        '/staff/queue',
        '/staff/practitioners',
        `/staff/practitioners/${pro.id}`,
        '/staff/audit',
        '/staff/operations',
        '/staff/content',
      ]) {
        await page.goto(path);
        await expect(page.getByTestId('staff-not-allowed')).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès réservé à l’équipe Carebook');
        await expect(page.getByRole('main')).not.toContainText('Secret');
      }
      await checkScreen(page, `staff-not-allowed-${role}`);
      // The only staff question asked was "am I staff?", answered false; nothing else leaked.
      const staffCalls = answers.filter((a) => /staff|audit_log|review-practitioner|deliveries/.test(a.url));
      expect(staffCalls.length).toBeGreaterThan(0);
      for (const a of staffCalls)
        expect([a.url, a.body]).toEqual([expect.stringContaining('am_i_staff'), 'false']);
      expect(answers.some((a) => a.body.includes(pro.id) || a.body.includes('Secret'))).toBe(false);

      // Through the API too: refusals or nothing.
      const desk = await who.client.rpc('staff_practitioners', {});
      expect([desk.status, desk.data]).toEqual([403, null]);
      expect((await who.client.from('audit_log').select('*')).data).toEqual([]);
      expect(
        (await who.client.from('verification_documents').select('*').eq('practitioner_id', pro.id)).data,
      ).toEqual([]);
      expect(await reviewCall(who, { practitioner_id: pro.id, action: 'approve' })).toBe(403);
    });
  }
});
