// Column types the kit speaks in, read from the generated Database types (the columns are
// Postgres enums), so a value added in a migration reaches the kit with `npm run types`.
import type { Database, Enums, Tables } from '@carebook/data';

export type UserRole = Tables<'profiles'>['role'];
export type Mode = Enums<'consultation_mode'>;
export type VerificationStatus = Tables<'practitioners'>['verification_status'];
export type SubscriptionStatus = Tables<'subscriptions'>['status'];
export type AppointmentStatus = Tables<'appointments'>['status'];

export type PractitionerInsert = Database['public']['Tables']['practitioners']['Insert'];
export type PractitionerRow = Tables<'practitioners'>;
export type ConsultationType = Tables<'consultation_types'>;
export type Appointment = Database['public']['Functions']['book_appointment']['Returns'];
