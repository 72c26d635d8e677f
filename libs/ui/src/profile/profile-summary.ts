// What ProfileCard shows of a profile, in domain types. The data layer's Profile fits it as is,
// so this library never needs to import the data layer.
import type { Locale, Role } from '@carebook/domain';

export interface ProfileSummary {
  email: string | null;
  fullName: string | null;
  role: Role;
  locale: Locale;
  /** ISO timestamp of the account's creation. */
  createdAt: string;
}
