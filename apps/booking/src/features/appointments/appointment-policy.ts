// What a patient may do with an appointment at a given moment, as shown before they try. The
// database decides again (cancel_appointment / reschedule_appointment refuse with cutoff_passed).
import type { AppointmentStatus } from '@carebook/domain';

const HOUR_MS = 3_600_000;
/** The video call opens this long before the start. */
export const VIDEO_OPENS_BEFORE_MS = 10 * 60_000;

interface PolicyInput {
  status: AppointmentStatus;
  startsAt: string;
  endsAt: string;
  cancelCutoffHours: number;
}

/** The last instant the patient may cancel or move it online. */
export function changeDeadline(a: Pick<PolicyInput, 'startsAt' | 'cancelCutoffHours'>): number {
  return Date.parse(a.startsAt) - a.cancelCutoffHours * HOUR_MS;
}

/** 'open' before the cut-off, 'passed' after it, 'closed' when cancelled or over. */
export function changeState(a: PolicyInput, now: number): 'open' | 'passed' | 'closed' {
  if (a.status !== 'held' && a.status !== 'confirmed') return 'closed';
  if (Date.parse(a.endsAt) <= now) return 'closed';
  return now < changeDeadline(a) ? 'open' : 'passed';
}

/** Whether "join video" is active: from 10 minutes before the start until the end. */
export function videoState(a: PolicyInput, now: number): 'early' | 'open' | 'over' | 'none' {
  if (a.status !== 'confirmed') return 'none';
  if (now >= Date.parse(a.endsAt)) return 'over';
  return now >= Date.parse(a.startsAt) - VIDEO_OPENS_BEFORE_MS ? 'open' : 'early';
}
