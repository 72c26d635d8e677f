// The practitioner's calendar (/calendar) as a practitioner uses it, with the browser in New York
// and the practitioner in Paris: the booked appointment shows in the four views at Paris times;
// dragging it (then confirming) moves it in the database and queues the patient's message; a
// refused drop goes back with the reason in words; blocking time by drag or through the keyboard
// dialog removes those slots from get_available_slots; moving through the keyboard dialog works
// too; cancelling from the side panel needs a reason (in English). Axe on each view, screenshots
// at 1280 and 768 px.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { outboxOf, patient, scenario, sql, type Scenario, type TestUser } from '@carebook/testing';
import { expectAccessible } from '../../support/page-checks.ts';
import { signInAs } from '../../support/payment-journeys.ts';
import { calendarEvent, dragEventDown, HOUR_PX, openCalendarAt } from '../../support/calendar.ts';

const SCREENS = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
const TITLE = 'Ana Martin · Séance';

test.use({ timezoneId: 'America/New_York', viewport: { width: 1280, height: 1000 } });

/** The calendar at a tablet's and a desktop's width (issue 13: usable down to 768 px). */
async function calendarScreens(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  for (const [width, height] of [
    [768, 1024],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${SCREENS}${name}-${width}.png`, fullPage: true });
  }
}

/** Waits for Quasar's dialog transitions to end: axe reads contrast through a fading opacity. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[class*="-enter-active"], [class*="-leave-active"]')).toHaveCount(0);
}

async function practice(ana: TestUser): Promise<Scenario> {
  return scenario()
    .practitioner({ timeZone: 'Europe/Paris', displayName: 'Dr Claire Dumas' })
    .weeklyHours({ from: '08:00', to: '18:00' })
    .type({ minutes: 30, price: 0, notice: 0, name: 'Séance' })
    .booked({ patient: ana, day: 2, at: '10:00' })
    .build();
}

/** Signs in, opens the calendar from the menu and jumps to the appointment's day. */
async function openCalendarOn(page: Page, s: Scenario, day: string): Promise<void> {
  await signInAs(page, s.practitioner);
  await openCalendarAt(page, day);
  await expect(page.getByTestId('cal-zone')).toContainText('Europe/Paris');
}

const event = (page: Page, title = TITLE) => calendarEvent(page, title);

/** The body column of a day in the time grid (the header has a column of the same date). */
const dayColumn = (page: Page, date: string) =>
  page.locator(`.cb-calendar [role=gridcell][data-date="${date}"]`).last();

async function slotStarts(s: Scenario, date: string): Promise<string[]> {
  const slots = await s.slots(s.at(date, '00:00'), s.at(date, '23:59'));
  return slots.map((x) => new Date(x.starts_at).toISOString());
}

test.describe('calendar', () => {
  test('shows a booked appointment in week, day, month and agenda views, at Paris times', async ({
    page,
  }) => {
    // Four views, each with axe and screenshots at two widths.
    test.setTimeout(120_000);
    const ana = await patient({ fullName: 'Ana Martin' });
    const s = await practice(ana);
    await openCalendarOn(page, s, s.day(2));

    await expect(event(page)).toBeVisible();
    await expect(event(page)).toContainText('10:00'); // Paris time, the browser being in New York
    await expect(page.getByTestId('cal-count')).toHaveText('1 rendez-vous sur cette période');
    await expect(page.getByTestId('cal-view-week')).toHaveAttribute('aria-pressed', 'true');
    await settled(page);
    await expectAccessible(page, 'calendar, week view');
    await calendarScreens(page, 'calendar-week');

    // Google's shortcuts: d, m, a, then w again.
    await page.locator('body').press('d');
    await expect(page.getByTestId('cal-view-day')).toHaveAttribute('aria-pressed', 'true');
    await expect(event(page)).toBeVisible();
    await settled(page);
    await expectAccessible(page, 'calendar, day view');
    await calendarScreens(page, 'calendar-day');

    await page.locator('body').press('m');
    await expect(page.getByTestId('cal-view-month')).toHaveAttribute('aria-pressed', 'true');
    await expect(event(page)).toBeVisible();
    await settled(page);
    await expectAccessible(page, 'calendar, month view');
    await calendarScreens(page, 'calendar-month');

    await page.locator('body').press('a');
    await expect(page.getByTestId('cal-view-agenda')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.cb-calendar').getByText(TITLE)).toBeVisible();
    await settled(page);
    await expectAccessible(page, 'calendar, agenda view');
    await calendarScreens(page, 'calendar-agenda');

    await page.locator('body').press('w');
    await expect(page.getByTestId('cal-view-week')).toHaveAttribute('aria-pressed', 'true');

    // The side panel: who, contact, when (zone named), actions.
    await event(page).click();
    const panel = page.getByTestId('appointment-panel');
    await expect(panel.getByRole('heading', { name: 'Ana Martin' })).toBeVisible();
    await expect(panel).toContainText(ana.email);
    await expect(page.getByTestId('panel-when')).toContainText(', 10:00 – 10:30 (Europe/Paris)');
    await expect(page.getByTestId('panel-status')).toHaveText('confirmé'); // shown with a capital (CSS)
    await settled(page);
    await expectAccessible(page, 'calendar, side panel');
    await calendarScreens(page, 'calendar-panel');
    await panel.getByRole('button', { name: 'Fermer' }).click();
    await expect(panel).toBeHidden();

    // "?" lists the shortcuts.
    await page.locator('body').press('?');
    await expect(page.getByRole('heading', { name: 'Raccourcis clavier' })).toBeVisible();
    await settled(page);
    await expectAccessible(page, 'calendar, shortcuts');
    await page.keyboard.press('Escape');
  });

  test('drag an appointment to another time, confirm: moved in the database, patient notified', async ({
    page,
  }) => {
    const ana = await patient({ fullName: 'Ana Martin' });
    const s = await practice(ana);
    const appointment = s.appointments[0]!;
    await openCalendarOn(page, s, s.day(2));

    await dragEventDown(page, event(page), 1);

    const confirm = page.getByRole('dialog');
    await expect(confirm.getByRole('heading', { name: 'Déplacer ce rendez-vous ?' })).toBeVisible();
    await expect(page.getByTestId('move-confirm-body')).toContainText('10:00 (Europe/Paris)');
    await expect(page.getByTestId('move-confirm-body')).toContainText('11:00 (Europe/Paris)');
    await settled(page);
    await expectAccessible(page, 'calendar, move confirmation');
    await page.getByTestId('move-submit').click();
    await expect(page.getByTestId('cal-flash')).toHaveText('Rendez-vous déplacé. Le patient est prévenu.');

    const [row] = await sql<{ starts_at: Date }>(`select starts_at from public.appointments where id = $1`, [
      appointment.id,
    ]);
    expect(row!.starts_at.toISOString()).toBe(s.at(2, '11:00'));
    const outbox = await outboxOf(appointment.id);
    expect(outbox.map((m) => m.topic)).toContain('appointment.rescheduled');
    await expect(event(page)).toContainText('11:00');
  });

  test('a refused drop goes back, with the reason in words', async ({ page }) => {
    const ana = await patient({ fullName: 'Ana Martin' });
    const s = await practice(ana);
    await openCalendarOn(page, s, s.day(2));

    // 10:00 -> 17:45: a 30-minute consultation would end after the 08:00-18:00 opening hours.
    // Hovering waits until the event stands still (the view scrolls to 08:00 once drawn).
    await event(page).hover();
    const box = (await event(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 8 + HOUR_PX * 4, { steps: 8 });
    await page.mouse.move(box.x + box.width / 2, box.y + 8 + HOUR_PX * 7.75, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByTestId('move-confirm-body')).toContainText('17:45 (Europe/Paris)');
    await page.getByTestId('move-submit').click();
    await expect(page.getByTestId('move-error')).toHaveText(/en dehors de vos horaires d’ouverture/);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(event(page)).toContainText('10:00');
    const [row] = await sql<{ starts_at: Date }>(`select starts_at from public.appointments where id = $1`, [
      s.appointments[0]!.id,
    ]);
    expect(row!.starts_at.toISOString()).toBe(s.at(2, '10:00'));
  });

  test('block time by dragging over free time: those slots are no longer offered', async ({ page }) => {
    const ana = await patient({ fullName: 'Ana Martin' });
    const s = await practice(ana);
    // The appointment's own day: the hover below waits for it, and day 3 is in the next week
    // whenever day 2 is a Sunday (on Fridays, Paris time).
    const date = s.day(2);
    expect(await slotStarts(s, date)).toContain(s.at(date, '14:00'));
    await openCalendarOn(page, s, date);

    await event(page).hover(); // the week is drawn and scrolled
    const column = (await dayColumn(page, date).boundingBox())!;
    const x = column.x + column.width / 2;
    await page.mouse.move(x, column.y + 14 * HOUR_PX + 5);
    await page.mouse.down();
    await page.mouse.move(x, column.y + 14.5 * HOUR_PX, { steps: 5 });
    await page.mouse.move(x, column.y + 15 * HOUR_PX - 5, { steps: 5 });
    await page.mouse.up();

    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Bloquer ou ouvrir un créneau' })).toBeVisible();
    await expect(dialog.getByLabel('Début')).toHaveValue('14:00');
    await expect(dialog.getByLabel('Fin')).toHaveValue('15:00');
    await expect(dialog.getByRole('radio', { name: 'Bloquer ce temps (indisponible)' })).toBeChecked();
    await settled(page);
    await expectAccessible(page, 'calendar, block dialog');
    await calendarScreens(page, 'calendar-block-dialog');
    await page.getByTestId('block-save').click();
    await expect(page.getByTestId('cal-flash')).toHaveText('Créneau enregistré.');
    await expect(page.locator('.cb-calendar').getByRole('button', { name: /Indisponible/ })).toBeVisible();

    const starts = await slotStarts(s, date);
    for (const at of ['14:00', '14:15', '14:30', '14:45']) expect(starts).not.toContain(s.at(date, at));
    expect(starts).toContain(s.at(date, '15:00'));
    expect(starts).toContain(s.at(date, '13:00'));
  });

  test('keyboard only: c blocks time through the dialog, Enter on an appointment then "Déplacer…" moves it', async ({
    page,
  }) => {
    const ana = await patient({ fullName: 'Ana Martin' });
    const s = await practice(ana);
    // The appointment's day, so that the block is drawn in the week shown.
    const date = s.day(2);
    await openCalendarOn(page, s, date);

    await page.locator('body').press('c');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Bloquer ou ouvrir un créneau' })).toBeVisible();
    await dialog.getByLabel('Date').fill(date);
    await dialog.getByLabel('Début').fill('12:00');
    await dialog.getByLabel('Fin').fill('13:30');
    await dialog.getByLabel('Note (facultative)').fill('Formation');
    await dialog.getByLabel('Note (facultative)').press('Enter');
    await expect(page.getByTestId('cal-flash')).toHaveText('Créneau enregistré.');
    const starts = await slotStarts(s, date);
    for (const at of ['12:00', '12:45', '13:15']) expect(starts).not.toContain(s.at(date, at));
    expect(starts).toContain(s.at(date, '13:30'));
    // Drawn: the week was read again, and its events with it.
    await expect(
      page.locator('.cb-calendar').getByRole('button', { name: /Indisponible · Formation/ }),
    ).toBeVisible();

    // The appointment, reached with Tab, opened with Enter; then Move to... with typed values.
    await event(page).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('appointment-panel');
    await expect(panel).toBeVisible();
    await page.getByTestId('panel-move').press('Enter');
    const move = page.getByRole('dialog', { name: 'Déplacer le rendez-vous' });
    await move.getByLabel('Nouvelle date').fill(s.day(2));
    await move.getByLabel('Nouvelle heure').fill('15:30');
    await move.getByLabel('Nouvelle heure').press('Enter');
    await expect(page.getByTestId('cal-flash')).toHaveText('Rendez-vous déplacé. Le patient est prévenu.');
    const [row] = await sql<{ starts_at: Date }>(`select starts_at from public.appointments where id = $1`, [
      s.appointments[0]!.id,
    ]);
    expect(row!.starts_at.toISOString()).toBe(s.at(2, '15:30'));
    expect((await outboxOf(s.appointments[0]!.id)).map((m) => m.topic)).toContain('appointment.rescheduled');
  });

  test('cancel from the side panel with a reason, in English: gone from the calendar, patient told', async ({
    page,
  }) => {
    const ana = await patient({ fullName: 'Ana Martin' });
    const s = await practice(ana);
    await openCalendarOn(page, s, s.day(2));
    await page.getByRole('button', { name: 'EN – English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
    await expect(page.getByTestId('cal-count')).toHaveText('1 appointment in this period');

    await event(page).click();
    await page.getByTestId('panel-cancel').click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the appointment' });
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
    await expect(dialog.getByText('Give a reason.')).toBeVisible(); // required, said before any request
    await dialog.getByLabel('Reason (sent to the patient)').fill('Practitioner unwell');
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
    await expect(page.getByTestId('cal-flash')).toHaveText('Appointment cancelled.');
    await expect(page.getByTestId('cal-count')).toHaveText('No appointments in this period.');
    const [row] = await sql<{ status: string; cancel_reason: string }>(
      `select status, cancel_reason from public.appointments where id = $1`,
      [s.appointments[0]!.id],
    );
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'Practitioner unwell' });
    expect((await outboxOf(s.appointments[0]!.id)).map((m) => m.topic)).toContain('appointment.cancelled');
  });
});
