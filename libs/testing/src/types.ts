// Column types the kit speaks in, taken from the generated Database types. Where a column is still
// `text` with a check constraint (so `string` in the generated types), the one alias below names
// its values until the lead's enum migration lands; then each becomes a one-line swap.
import type { Database, Tables } from '@carebook/data';
import type { Role } from '@carebook/domain';

// becomes Enums<'user_role'> with the enum migration (profiles.role)
export type UserRole = Tables<'profiles'>['role'] & Role;

// becomes Enums<'consultation_mode'> with the enum migration (consultation_types.mode, appointments.mode)
export type Mode = Tables<'consultation_types'>['mode'] & ('video' | 'in_person' | 'at_home');

// becomes Enums<'verification_status'> with the enum migration (practitioners.verification_status)
export type VerificationStatus = Tables<'practitioners'>['verification_status'] &
  ('draft' | 'submitted' | 'verified' | 'rejected' | 'suspended');

// becomes Enums<'subscription_status'> with the enum migration (subscriptions.status)
export type SubscriptionStatus = Tables<'subscriptions'>['status'] &
  (
    | 'trialing'
    | 'active'
    | 'past_due'
    | 'canceled'
    | 'incomplete'
    | 'incomplete_expired'
    | 'unpaid'
    | 'paused'
  );

// becomes Enums<'appointment_status'> with the enum migration (appointments.status)
export type AppointmentStatus = Tables<'appointments'>['status'] &
  ('held' | 'confirmed' | 'cancelled' | 'completed' | 'no_show');

export type PractitionerInsert = Database['public']['Tables']['practitioners']['Insert'];
export type PractitionerRow = Tables<'practitioners'>;
export type ConsultationType = Tables<'consultation_types'>;
export type Appointment = Database['public']['Functions']['book_appointment']['Returns'];
