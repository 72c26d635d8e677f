// Home-care scenarios: nurses with home-visit settings around a spot of their own (a random place
// on the globe, so that other tests' practitioners never fall inside the area), and requests made
// by patients through the API. The dispatcher and watchdog ticks take the clock as an argument.
import { randomInt } from 'node:crypto';
import {
  createPractitionerProfile,
  patient,
  practitioner,
  publishedPractitioner,
  service,
  sql,
  validRpps,
  type TestUser,
} from '@carebook/testing';
import { mapPostgrestError } from '@carebook/data';

export interface Spot {
  lat: number;
  lng: number;
}

/** A place of this test's own; latitudes kept moderate so that km per degree stays sane. */
export function spot(): Spot {
  return { lat: randomInt(-45_000, 45_000) / 1000, lng: randomInt(-170_000, 170_000) / 1000 };
}

/** A point `km` kilometres north of a spot (one degree of latitude is about 111.2 km). */
export const north = (s: Spot, km: number): Spot => ({ lat: s.lat + km / 111.195, lng: s.lng });

export interface NurseSpec {
  at: Spot;
  radiusKm?: number;
  enabled?: boolean;
  travelMinutes?: number;
  /** false: a draft profile, never verified. */
  verified?: boolean;
  profession?: string;
}

/** A practitioner with home-visit settings written through the API, as the workspace does. */
export async function nurse(spec: NurseSpec): Promise<TestUser> {
  const fields = {
    profession_code: spec.profession ?? 'nurse',
    registration_number: validRpps(),
    modes: ['at_home' as const],
    display_name: `Nurse ${randomInt(1000, 9999)}`,
  };
  let user: TestUser;
  if (spec.verified === false) {
    user = await practitioner();
    await createPractitionerProfile(user, fields);
  } else {
    user = await publishedPractitioner(fields);
  }
  const { error } = await user.client.from('home_visit_settings').insert({
    practitioner_id: user.id,
    enabled: spec.enabled ?? true,
    base_address: 'Test base',
    base_latitude: spec.at.lat,
    base_longitude: spec.at.lng,
    radius_km: spec.radiusKm ?? 10,
    travel_minutes: spec.travelMinutes ?? 15,
  });
  if (error) throw new Error(`home-visit settings: ${error.message}`);
  return user;
}

/** Tomorrow's date in Paris, YYYY-MM-DD. */
export function tomorrow(): string {
  const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(Date.now() + 86_400_000),
  );
  return paris;
}

export interface RequestSpec {
  at: Spot;
  careCode?: string;
  windows?: string[];
  firstDay?: string;
  days?: number;
  urgency?: 'urgent' | 'today' | 'planned';
  prescriptionPath?: string;
  by?: TestUser;
}

export async function careTypeId(code = 'injection'): Promise<string> {
  const { data, error } = await service().from('care_types').select('id').eq('code', code).single();
  if (error) throw error;
  return data.id;
}

/** A patient asks for care through the API; answers the request and its patient. */
export async function requestCare(spec: RequestSpec): Promise<{ id: string; patient: TestUser }> {
  const by = spec.by ?? (await patient());
  const { data, error } = await by.client.rpc('request_home_care', {
    p_care_type_id: await careTypeId(spec.careCode),
    p_address: '1 test street',
    p_locality: 'Testville',
    p_latitude: spec.at.lat,
    p_longitude: spec.at.lng,
    p_daily_windows: spec.windows ?? ['09:00-12:00'],
    p_first_day: spec.firstDay ?? tomorrow(),
    p_day_count: spec.days ?? 1,
    p_urgency: spec.urgency ?? 'planned',
    p_contact_phone: '+33612345678',
    p_for_whom: 'self',
    p_care_recipient_name: 'Test Patient',
    ...(spec.prescriptionPath && { p_prescription_path: spec.prescriptionPath }),
  });
  if (error) throw new Error(`request_home_care: ${error.message}`);
  return { id: (data as { id: string }).id, patient: by };
}

/** One dispatcher tick at an instant (the clock the tests control). */
export async function dispatch(at: Date): Promise<void> {
  await sql('select public.dispatch_home_care_tick($1)', [at.toISOString()]);
}

/**
 * The tick's work for one request, waiting for its row where the tick would skip it: another test
 * file's tick (or the crash test's unfinished one) may hold it. Either way wave 1 is out after this.
 */
export async function sendFirstWave(requestId: string): Promise<void> {
  await sql(
    // Locked before the wave is sent (a FOR UPDATE in the same SELECT as send_wave would run the
    // function first and lock after: two writers of one request's offers, a deadlock).
    `with locked as materialized (
       select r.* from public.home_care_requests r
        where r.id = $1 and r.state = 'searching' and r.next_wave_at <= now() for update)
     select private.send_wave(l::public.home_care_requests, now()) from locked l`,
    [requestId],
  );
}

export interface OfferRow {
  id: string;
  practitioner_id: string;
  wave: number;
  state: string;
}

export function offersOf(requestId: string): Promise<OfferRow[]> {
  return sql<OfferRow>(
    'select id, practitioner_id, wave, state from public.home_care_offers where request_id = $1 order by wave, rank',
    [requestId],
  );
}

/** What an API call refused with, as the apps read it (or 'ok'). */
export async function codeOf(
  request: PromiseLike<{ error: import('@supabase/supabase-js').PostgrestError | null; status: number }>,
): Promise<string> {
  const res = await request;
  return res.error ? mapPostgrestError(res.error, res.status).code : 'ok';
}

export const minutes = (n: number) => n * 60_000;
