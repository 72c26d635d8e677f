// What a practitioner card shows, already chosen by the page: the card formats and lays it out,
// it never loads anything. Both apps list practitioners (search, the staff's review queue).
import type { ConsultationMode } from '@carebook/domain';

export interface PractitionerCardView {
  displayName: string;
  /** The profession in the reader's language. */
  profession: string;
  photoUrl: string | null;
  /** Only published (hence verified) practitioners are shown to patients; staff lists may differ. */
  verified: boolean;
  distanceKm: number | null;
  price: { minCents: number; maxCents: number; currency: string } | null;
  modes: ConsultationMode[];
  /** IANA zone the slot times are shown in, and named. */
  timeZone: string;
  /** Where the name and photo lead (a router location). */
  profileTo: string;
  /** Next bookable starts, each with where a click leads (the booking of that time). */
  slots: { startsAt: string; to: string }[];
}
