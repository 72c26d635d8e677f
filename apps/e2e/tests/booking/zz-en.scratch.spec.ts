import { expect, test } from '@playwright/test';
import { confirmedUser } from '@carebook/testing';
import { appointmentData, notify, signInAs } from '../../support/notification-journeys.ts';

for (const [w, h] of [[1280, 800], [390, 844]] as const) {
  test(`en ${w}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    const account = await confirmedUser('patient', { fullName: 'Ann Lee', meta: { locale: 'en' } });
    await notify(account.id, 'appointment.rescheduled', appointmentData, '2026-12-06T03:00:00Z');
    await notify(account.id, 'payment.refunded', { ...appointmentData, amount_cents: 6000, currency: 'EUR' }, '2026-12-06T03:30:00Z');
    await notify(account.id, 'appointment.hold_expired', {}, '2026-12-06T04:00:00Z');
    await signInAs(page, account);
    await page.getByRole('button', { name: 'EN – English' }).click();
    await page.getByRole('button', { name: '3 unread notifications' }).click();
    await expect(page.getByRole('dialog', { name: 'Notifications' }).getByRole('listitem')).toHaveCount(3);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/notify-ui-shots/en-${w}-bell.png` });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    await page.getByRole('region', { name: 'Notifications' }).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `/tmp/notify-ui-shots/en-${w}-settings.png` });
  });
}
