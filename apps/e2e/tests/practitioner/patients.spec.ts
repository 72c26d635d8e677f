// Appointments and patients (issue 13, point 4): the practitioner finds a patient in the server-
// paged list, searches, opens the patient's page (their history with this practitioner only),
// writes a private note that autosaves and survives a reload, and the patient cannot read it
// through the API. Appointments list: filters, search, a row opens the patient. Axe on every
// screen; screenshots at 1280, 768 and 360 px.
import { expect, test } from '@playwright/test';
import { patient, practitionerOpen, sql, type Scenario, type TestUser } from '@carebook/testing';
import { expectAccessible, screenshots } from '../../support/page-checks.ts';
import { signInAs } from '../../support/payment-journeys.ts';
import { openWorkspacePage } from '../../support/workspace.ts';

const WIDTHS = [1280, 768, 360] as const;

async function pastAppointment(s: Scenario, who: TestUser, daysAgo: number, status: 'completed' | 'no_show') {
  // The past cannot be booked through the API: history is written as postgres.
  await sql(
    `insert into public.appointments (practitioner_id, patient_id, consultation_type_id, starts_at, ends_at, blocked,
                                      status, mode, price_cents, currency)
     select $1, $2, $3, t, t + interval '30 minutes', tstzrange(t, t + interval '30 minutes'),
            $4::public.appointment_status, 'video', 0, 'EUR'
       from (select date_trunc('hour', now()) - make_interval(days => $5) as t) x`,
    [s.practitioner.id, who.id, s.type.id, status, daysAgo],
  );
}

test.describe('appointments and patients', () => {
  let s: Scenario;
  let other: Scenario;
  let lea: TestUser;
  let marc: TestUser;
  let nina: TestUser;

  test.beforeAll(async () => {
    [s, other, lea, marc, nina] = await Promise.all([
      practitionerOpen(
        { minutes: 30, step: 30, name: 'Consultation de suivi' },
        { timeZone: 'Europe/Paris' },
      ),
      practitionerOpen({ minutes: 30, step: 30 }),
      patient({ fullName: 'Léa Fontaine' }),
      patient({ fullName: 'Marc Dubois' }),
      patient({ fullName: 'Nina Petit' }),
    ]);
    await sql(`update public.profiles set phone = '+33612345678' where id = $1`, [lea.id]);
    for (const [who, day, time] of [
      [lea, 3, '09:00'],
      [marc, 2, '10:00'],
      [nina, 4, '11:00'],
    ] as const) {
      const res = await s.book(who, s.at(day, time));
      if (res.error) throw new Error(res.error.message);
    }
    await pastAppointment(s, lea, 10, 'completed');
    await pastAppointment(s, marc, 12, 'no_show');
    // Léa also sees another practitioner: that appointment must never show here.
    const theirs = await other.book(lea, other.at(5, '09:00'));
    if (theirs.error) throw new Error(theirs.error.message);
  });

  test('patients list, search, patient page, a private note that survives a reload and stays private', async ({
    page,
  }) => {
    await signInAs(page, s.practitioner);
    await openWorkspacePage(page, 'Patients');
    await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
    await expect(page.getByTestId('patients-count')).toHaveText('3 patients');
    await expect(page.getByTestId('zone-note')).toContainText('Europe/Paris');
    const leaRow = page.getByTestId('patient-row').filter({ hasText: 'Léa Fontaine' });
    await expect(leaRow).toContainText(lea.email);
    await expect(leaRow).toContainText('+33612345678');
    await expect(leaRow).toContainText('1 consultation');
    await expectAccessible(page, 'patients list');
    await screenshots(page, 'patients-list', WIDTHS);

    // Search, accents and case ignored; the address keeps it.
    await page.getByLabel('Rechercher un patient').fill('LEA');
    await expect(page.getByTestId('patient-row')).toHaveCount(1);
    await expect(page.getByTestId('patients-count')).toHaveText('1 patient');
    await expect(page).toHaveURL(/[?&]q=LEA/);
    await page.getByLabel('Rechercher un patient').fill('zzz');
    await expect(page.getByTestId('patients-empty')).toHaveText('Aucun patient ne correspond à « zzz ».');
    await page.getByLabel('Rechercher un patient').fill('léa');
    await page.getByRole('link', { name: 'Léa Fontaine' }).click();

    // The patient's page: contact, and only this practitioner's appointments (2 of her 3).
    await expect(page).toHaveURL(new RegExp(`/patients/${lea.id}$`));
    await expect(page.getByTestId('patient-name')).toHaveText('Léa Fontaine');
    await expect(page.getByTestId('patient-email')).toHaveText(lea.email);
    await expect(page.getByTestId('patient-phone')).toHaveText('+33612345678');
    await expect(page.getByTestId('history-count')).toHaveText('2 rendez-vous');
    await expect(page.getByTestId('history-item')).toHaveCount(2);
    await expect(page.getByTestId('history-item').first()).toContainText('Consultation de suivi');

    // A private note: typed, autosaved, there after a reload.
    const upcoming = page.getByTestId('history-item').first();
    const note = upcoming.getByRole('textbox', { name: 'Note privée' });
    await expect(note).toBeEditable();
    await note.fill('Anxiété au travail. Revoir dans 3 semaines.');
    await expect(upcoming.getByTestId('private-note-status')).toHaveText(/^Enregistrée à \d\d:\d\d$/);
    await expectAccessible(page, 'patient page');
    await screenshots(page, 'patient-page', WIDTHS);
    await page.reload();
    await expect(
      page.getByTestId('history-item').first().getByRole('textbox', { name: 'Note privée' }),
    ).toHaveValue('Anxiété au travail. Revoir dans 3 semaines.');
    await expect(page.getByTestId('history-item').first().getByTestId('private-note-status')).toContainText(
      'Enregistrée le',
    );

    // The note is in the database, and the patient reads nothing of it through the API.
    const [saved] = await sql<{ body: string }>(
      `select n.body from public.appointment_notes n join public.appointments a on a.id = n.appointment_id
        where a.patient_id = $1 and a.practitioner_id = $2`,
      [lea.id, s.practitioner.id],
    );
    expect(saved?.body).toBe('Anxiété au travail. Revoir dans 3 semaines.');
    const asPatient = await lea.client.from('appointment_notes').select('body');
    expect(asPatient.error).toBeNull();
    expect(asPatient.data).toEqual([]);
    const asOther = await other.practitioner.client.from('appointment_notes').select('body');
    expect(asOther.data).toEqual([]);
  });

  test('appointments list: filters, patient search, a row opens the patient', async ({ page }) => {
    await signInAs(page, s.practitioner);
    await openWorkspacePage(page, 'Rendez-vous');
    await expect(page.getByRole('heading', { level: 1, name: 'Rendez-vous' })).toBeVisible();
    const rows = page.getByTestId('appointment-row');
    // Upcoming, soonest first: Marc (day 2), Léa (day 3), Nina (day 4).
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId('appointment-patient')).toHaveText([
      'Marc Dubois',
      'Léa Fontaine',
      'Nina Petit',
    ]);
    await expect(rows.first()).toContainText('Consultation de suivi · Vidéo');
    await expectAccessible(page, 'appointments upcoming');
    await screenshots(page, 'appointments-list', WIDTHS);

    await page.getByRole('tab', { name: 'Passés' }).click();
    await expect(page).toHaveURL(/filter=past/);
    await expect(page.getByTestId('appointment-patient')).toHaveText(['Léa Fontaine']);
    await expect(page.getByTestId('appointment-status')).toHaveText(['Terminé']);
    await page.getByRole('tab', { name: 'Absences' }).click();
    await expect(page.getByTestId('appointment-patient')).toHaveText(['Marc Dubois']);
    await expect(page.getByTestId('appointment-status')).toHaveText(['Absent']);
    await page.getByRole('tab', { name: 'Annulés' }).click();
    await expect(page.getByTestId('appointments-empty')).toHaveText('Aucun rendez-vous annulé.');
    await expectAccessible(page, 'appointments empty');

    await page.getByRole('tab', { name: 'Tous' }).click();
    await expect(page.getByTestId('appointments-count')).toHaveText('5 rendez-vous');
    await page.getByLabel('Rechercher un patient').fill('marc');
    await expect(page.getByTestId('appointments-count')).toHaveText('2 rendez-vous');
    // Reload keeps the filter and the search.
    await page.reload();
    await expect(page.getByTestId('appointments-count')).toHaveText('2 rendez-vous');
    await expect(page.getByRole('tab', { name: 'Tous' })).toHaveAttribute('aria-selected', 'true');

    // Keyboard: the first row is a link reached with Tab, opened with Enter.
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/patients/${marc.id}$`));
    await expect(page.getByTestId('patient-name')).toHaveText('Marc Dubois');
  });

  test('in English, and a patient who never booked with this practitioner', async ({ page }) => {
    await signInAs(page, s.practitioner);
    await page.goto(`/patients/${other.practitioner.id}`);
    await expect(page.getByTestId('patient-error')).toHaveText(
      'Ce patient n’existe pas, ou il n’a jamais pris rendez-vous avec vous.',
    );
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/patients');
    await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
    await expect(page.getByTestId('patients-count')).toHaveText('3 patients');
    await expect(page.getByTestId('patient-row').filter({ hasText: 'Léa Fontaine' })).toContainText(
      '1 visit',
    );
    await page.goto('/appointments?filter=no_show');
    await expect(page.getByTestId('appointment-status')).toHaveText(['No-show']);
    await expectAccessible(page, 'appointments in English');
  });
});
