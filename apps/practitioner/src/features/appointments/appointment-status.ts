// How an appointment's state reads in a list: a confirmed appointment that is over reads "past"
// (nobody marked it completed yet), a held one "awaiting payment"; each with a colour, as in the
// calendar (Google's convention: colour by status, cancelled greyed).
import type { AppointmentStatus } from '@carebook/domain';

export type StatusLabel = AppointmentStatus | 'past';

export function statusLabel(status: AppointmentStatus, endsAt: string, now: number): StatusLabel {
  return status === 'confirmed' && Date.parse(endsAt) <= now ? 'past' : status;
}

// Dark enough for white text at 4.5:1 (WCAG AA), which axe checks.
const COLORS: Record<StatusLabel, string> = {
  held: 'deep-orange-10',
  confirmed: 'primary',
  past: 'blue-grey-8',
  completed: 'green-9',
  cancelled: 'grey-8',
  no_show: 'red-9',
};

export function statusColor(label: StatusLabel): string {
  return COLORS[label];
}
