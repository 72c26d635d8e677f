// Every video appointment has a link the patient can open: on the appointment page once
// confirmed, and from "My appointments" as the "Join video" button, active from 10 minutes before.
import { expect, test } from '@playwright/test';
import { patient, scenario, sql } from '@carebook/testing';
import { expectAccessible } from '../../support/page-checks.ts';
import { signInAs } from '../../support/payment-journeys.ts';

test('shows the video link of a confirmed video appointment and opens the call 10 minutes before', async ({
  page,
}) => {
  const ana = await patient({ fullName: 'Ana Roux', meta: { locale: 'fr' } });
  const built = await scenario()
    .weeklyHours('mon-sun', '09:00-18:00')
    .type({ minutes: 30, price: 0, mode: 'video' })
    .booked({ patient: ana, day: 2, at: '10:00' })
    .build();
  const appointment = built.appointments[0]! as unknown as { id: string; video_url: string };
  expect(appointment.video_url).toMatch(/^https:\/\/meet\.jit\.si\/carebook-/);

  await signInAs(page, ana, `/appointments/${appointment.id}`);
  await expect(page.getByTestId('video-link')).toHaveAttribute('href', appointment.video_url);

  // Time passes: the appointment now starts in 5 minutes (the call is open).
  await sql(
    `update public.appointments set starts_at = now() + interval '5 minutes', ends_at = now() + interval '35 minutes',
            blocked = tstzrange(now() + interval '5 minutes', now() + interval '35 minutes') where id = $1`,
    [appointment.id],
  );
  await page.goto('/appointments');
  const join = page.getByTestId('join-video');
  await expect(join).toBeEnabled();
  await expect(join).toHaveAttribute('href', appointment.video_url);
  await expect(page.getByTestId('no-video')).toHaveCount(0);
  await expectAccessible(page, 'my appointments with an open call');
});
