// The practitioner's calendar (/calendar) as a practitioner reaches it and drags in it.
import { expect, type Locator, type Page } from '@playwright/test';
import { openWorkspacePage } from './workspace.ts';

// FullCalendar draws an hour as 50 px in the time grid (two 25 px half-hour rows).
export const HOUR_PX = 50;

/** An event of the calendar, found by its accessible name (e.g. "Ana Martin · Séance"). */
export const calendarEvent = (page: Page, title: string | RegExp): Locator =>
  page
    .locator('.cb-calendar')
    .getByRole('button', { name: title instanceof RegExp ? title : new RegExp(title) });

/** Opens the calendar from the menu (signed in) and jumps to `day` (YYYY-MM-DD). */
export async function openCalendarAt(page: Page, day: string): Promise<void> {
  await openWorkspacePage(page, 'Agenda');
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  await page.getByTestId('cal-jump').fill(day);
  // Out of the field: shortcuts stay quiet while typing (Tab would only move within the date).
  await page.getByTestId('cal-today').focus();
}

/** Drags `event` down by `hours` in the time grid with the mouse, as a person would. */
export async function dragEventDown(page: Page, event: Locator, hours: number): Promise<void> {
  // Hovering waits until the event stands still (the view scrolls to 08:00 once drawn).
  await event.hover();
  const box = (await event.boundingBox())!;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(x, box.y + 8 + (HOUR_PX * hours) / 2, { steps: 5 });
  await page.mouse.move(x, box.y + 8 + HOUR_PX * hours, { steps: 5 });
  await page.mouse.up();
}
