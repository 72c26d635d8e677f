// Home care (issue 16): the catalogue, a patient's request and its progress, an offer opened from
// its SMS link and accepted, a practitioner's home-visit settings and day of visits, the staff
// board. Writes go through the database functions that hold the rules (request_home_care,
// accept_home_care_offer...); refusals come back as codes (already_taken, visit_unavailable...).
import { parseInstantRange, type DbEnum } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { currentUserId, run, runMapped } from './query.ts';
import { fail, ok, type Result } from './result.ts';

export type HomeCareUrgency = DbEnum<'home_care_urgency'>;
export type HomeCareState = DbEnum<'home_care_state'>;
export type HomeCareOfferState = DbEnum<'home_care_offer_state'>;

export interface CareType {
  id: string;
  professionCode: string;
  code: string;
  nameFr: string;
  nameEn: string;
  durationMinutes: number;
}

/** The active catalogue, grouped by the apps per profession. */
export function listCareTypes(client: CarebookClient): Promise<Result<CareType[]>> {
  return runMapped(
    client
      .from('care_types')
      .select('id, profession_code, code, name_fr, name_en, duration_minutes')
      .eq('active', true)
      .order('profession_code')
      .order('name_fr'),
    'care_types',
    (rows) =>
      rows.map((r) => ({
        id: r.id,
        professionCode: r.profession_code,
        code: r.code,
        nameFr: r.name_fr,
        nameEn: r.name_en,
        durationMinutes: r.duration_minutes,
      })),
  );
}

/** A catalogue row as staff see it: inactive ones included, so they can be brought back. */
export interface StaffCareType extends CareType {
  active: boolean;
}

/** What staff type in to add or change a care type; the code is set once, at creation. */
export interface CareTypeInput {
  nameFr: string;
  nameEn: string;
  durationMinutes: number;
  active: boolean;
}

/** Every care type, active or not (RLS shows inactive ones to staff only). */
export function listAllCareTypes(client: CarebookClient): Promise<Result<StaffCareType[]>> {
  return runMapped(
    client
      .from('care_types')
      .select('id, profession_code, code, name_fr, name_en, duration_minutes, active')
      .order('profession_code')
      .order('name_fr'),
    'care_types',
    (rows) =>
      rows.map((r) => ({
        id: r.id,
        professionCode: r.profession_code,
        code: r.code,
        nameFr: r.name_fr,
        nameEn: r.name_en,
        durationMinutes: r.duration_minutes,
        active: r.active,
      })),
  );
}

export function addCareType(
  client: CarebookClient,
  professionCode: string,
  code: string,
  input: CareTypeInput,
): Promise<Result<{ id: string }>> {
  return run(
    client
      .from('care_types')
      .insert({
        profession_code: professionCode,
        code,
        name_fr: input.nameFr,
        name_en: input.nameEn,
        duration_minutes: input.durationMinutes,
        active: input.active,
      })
      .select('id')
      .single(),
    'care_types',
  );
}

// Deactivating instead of deleting: requests keep their care type (on delete restrict).
export function updateCareType(
  client: CarebookClient,
  id: string,
  input: CareTypeInput,
): Promise<Result<{ id: string }>> {
  return run(
    client
      .from('care_types')
      .update({
        name_fr: input.nameFr,
        name_en: input.nameEn,
        duration_minutes: input.durationMinutes,
        active: input.active,
      })
      .eq('id', id)
      .select('id')
      .maybeSingle(),
    'care_types',
  );
}

export interface HomeCareRequestInput {
  careTypeId: string;
  address: string;
  locality: string | null;
  placeId: string | null;
  latitude: number;
  longitude: number;
  /** HH:MM-HH:MM, local to timeZone. */
  dailyWindows: string[];
  firstDay: string;
  dayCount: number;
  urgency: HomeCareUrgency;
  contactPhone: string;
  forWhom: 'self' | 'relative';
  careRecipientName: string;
  timeZone: string;
  notes: string | null;
  prescriptionPath: string | null;
}

/** Asks for care; answers the new request's id. */
export function requestHomeCare(
  client: CarebookClient,
  input: HomeCareRequestInput,
): Promise<Result<string>> {
  return runMapped(
    client.rpc('request_home_care', {
      p_care_type_id: input.careTypeId,
      p_address: input.address,
      p_latitude: input.latitude,
      p_longitude: input.longitude,
      p_daily_windows: input.dailyWindows,
      p_first_day: input.firstDay,
      p_day_count: input.dayCount,
      p_urgency: input.urgency,
      p_contact_phone: input.contactPhone,
      p_for_whom: input.forWhom,
      p_care_recipient_name: input.careRecipientName,
      p_time_zone: input.timeZone,
      ...(input.locality && { p_locality: input.locality }),
      ...(input.placeId && { p_place_id: input.placeId }),
      ...(input.notes && { p_notes: input.notes }),
      ...(input.prescriptionPath && { p_prescription_path: input.prescriptionPath }),
    }),
    'request_home_care',
    (row) => (row as { id: string }).id,
  );
}

/** Uploads a prescription into the caller's folder of the private bucket; answers its path. */
export async function uploadPrescription(client: CarebookClient, file: File): Promise<Result<string>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const extension = file.type === 'application/pdf' ? 'pdf' : file.type === 'image/png' ? 'png' : 'jpg';
  const path = `${me.data}/${crypto.randomUUID()}.${extension}`;
  const { error } = await client.storage.from('prescriptions').upload(path, file, { contentType: file.type });
  if (error) return fail({ code: 'invalid_input', message: error.message });
  return ok(path);
}

export interface HomeCareVisit {
  seq: number;
  windowStart: string;
  windowEnd: string;
  /** Booked start once accepted. */
  startsAt: string | null;
}

export interface HomeCareRequestView {
  id: string;
  state: HomeCareState;
  urgency: HomeCareUrgency;
  careFr: string;
  careEn: string;
  address: string;
  careRecipientName: string;
  timeZone: string;
  createdAt: string;
  nextWaveAt: string | null;
  /** How many practitioners it was offered to so far. */
  offeredTo: number;
  acceptedBy: { displayName: string; slug: string } | null;
  visits: HomeCareVisit[];
}

/** A request as its patient (or staff) sees it: where it stands, who is coming, the visits. */
export async function getHomeCareRequest(
  client: CarebookClient,
  id: string,
): Promise<Result<HomeCareRequestView>> {
  const result = await run(
    client
      .from('home_care_requests')
      .select(
        'id, state, urgency, address, care_recipient_name, time_zone, created_at, next_wave_at, accepted_by, ' +
          'care_type:care_types(name_fr, name_en), ' +
          'visits:home_care_visits(seq, time_window, appointment:appointments(starts_at, status)), ' +
          'offers:home_care_offers(count)',
      )
      .eq('id', id)
      .maybeSingle(),
    'home_care_requests',
  );
  if (!result.ok) return result;
  const r = result.data as unknown as {
    id: string;
    state: HomeCareState;
    urgency: HomeCareUrgency;
    address: string;
    care_recipient_name: string;
    time_zone: string;
    created_at: string;
    next_wave_at: string | null;
    accepted_by: string | null;
    care_type: { name_fr: string; name_en: string } | null;
    visits: { seq: number; time_window: string; appointment: { starts_at: string; status: string } | null }[];
    offers: { count: number }[];
  };
  let visits: HomeCareVisit[];
  try {
    visits = r.visits
      .map((v) => {
        const [from, to] = parseRange(v.time_window);
        return {
          seq: v.seq,
          windowStart: from,
          windowEnd: to,
          startsAt: v.appointment && v.appointment.status !== 'cancelled' ? v.appointment.starts_at : null,
        };
      })
      .sort((a, b) => a.seq - b.seq);
  } catch (error) {
    return fail({ code: 'unexpected_data', message: String(error) });
  }
  let acceptedBy: HomeCareRequestView['acceptedBy'] = null;
  if (r.accepted_by) {
    const who = await client
      .from('practitioners')
      .select('display_name, slug')
      .eq('id', r.accepted_by)
      .maybeSingle();
    if (who.data) acceptedBy = { displayName: who.data.display_name, slug: who.data.slug };
  }
  return ok({
    id: r.id,
    state: r.state,
    urgency: r.urgency,
    careFr: r.care_type?.name_fr ?? '',
    careEn: r.care_type?.name_en ?? '',
    address: r.address,
    careRecipientName: r.care_recipient_name,
    timeZone: r.time_zone,
    createdAt: r.created_at,
    nextWaveAt: r.next_wave_at,
    offeredTo: r.offers[0]?.count ?? 0,
    acceptedBy,
    visits,
  });
}

export interface MyHomeCareRequest {
  id: string;
  state: HomeCareState;
  careFr: string;
  careEn: string;
  careRecipientName: string;
  /** Local date (yyyy-mm-dd) of the first visit day, in the request's time zone. */
  firstDay: string;
  dayCount: number;
  timeZone: string;
  createdAt: string;
  /** Who accepted, once scheduled (null if their profile is no longer public). */
  acceptedBy: string | null;
}

/** The signed-in patient's requests, newest first (RLS shows a patient their own only). */
export async function listMyHomeCareRequests(client: CarebookClient): Promise<Result<MyHomeCareRequest[]>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  return runMapped(
    client
      .from('home_care_requests')
      .select(
        'id, state, care_recipient_name, first_day, day_count, time_zone, created_at, ' +
          'care_type:care_types(name_fr, name_en), ' +
          'practitioner:practitioners!home_care_requests_accepted_by_fkey(display_name)',
      )
      .eq('patient_id', me.data)
      .order('created_at', { ascending: false })
      .limit(100),
    'home_care_requests',
    (rows) =>
      (
        rows as unknown as {
          id: string;
          state: HomeCareState;
          care_recipient_name: string;
          first_day: string;
          day_count: number;
          time_zone: string;
          created_at: string;
          care_type: { name_fr: string; name_en: string } | null;
          practitioner: { display_name: string } | null;
        }[]
      ).map((r) => ({
        id: r.id,
        state: r.state,
        careFr: r.care_type?.name_fr ?? '',
        careEn: r.care_type?.name_en ?? '',
        careRecipientName: r.care_recipient_name,
        firstDay: r.first_day,
        dayCount: r.day_count,
        timeZone: r.time_zone,
        createdAt: r.created_at,
        acceptedBy: r.practitioner?.display_name ?? null,
      })),
  );
}

/** A visit window as PostgREST writes it, read by the domain's one range parser. */
export function parseRange(range: string): [string, string] {
  const parsed = parseInstantRange(range);
  if (!parsed) throw new RangeError(`not a range of instants: ${range}`);
  return [parsed.from, parsed.to];
}

export function cancelHomeCareRequest(client: CarebookClient, id: string): Promise<Result<HomeCareState>> {
  return runMapped(
    client.rpc('cancel_home_care_request', { p_request_id: id }),
    'cancel_home_care_request',
    (row) => (row as { state: HomeCareState }).state,
  );
}

export interface OfferSummary {
  offerId: string;
  offerState: HomeCareOfferState;
  requestState: HomeCareState;
  practitionerId: string;
  careFr: string;
  careEn: string;
  durationMinutes: number;
  urgency: HomeCareUrgency;
  locality: string | null;
  distanceKm: number | null;
  timeZone: string;
  dailyWindows: string[];
  firstDay: string;
  dayCount: number;
  visitCount: number;
  firstWindowStart: string;
  takenByYou: boolean;
}

/** What an offer's SMS link opens; anyone holding the link may read it (not_found when forged). */
export async function getOfferSummary(client: CarebookClient, token: string): Promise<Result<OfferSummary>> {
  const result = await run(
    client.rpc('home_care_offer_summary', { p_token: token }),
    'home_care_offer_summary',
  );
  if (!result.ok) return result;
  const s = result.data[0];
  if (!s) return fail({ code: 'not_found', message: 'no such offer' });
  return ok({
    offerId: s.offer_id,
    offerState: s.offer_state,
    requestState: s.request_state,
    practitionerId: s.practitioner_id,
    careFr: s.care_fr,
    careEn: s.care_en,
    durationMinutes: s.duration_minutes,
    urgency: s.urgency,
    locality: s.locality,
    distanceKm: s.distance_km,
    timeZone: s.time_zone,
    dailyWindows: s.daily_windows,
    firstDay: s.first_day,
    dayCount: s.day_count,
    visitCount: s.visit_count,
    firstWindowStart: s.first_window_start,
    takenByYou: s.taken_by_you ?? false,
  });
}

/** Takes the request: the first accept wins, a later one gets already_taken. Answers its id. */
export function acceptOffer(client: CarebookClient, offerId: string): Promise<Result<string>> {
  return runMapped(
    client.rpc('accept_home_care_offer', { p_offer_id: offerId }),
    'accept_home_care_offer',
    (row) => (row as { id: string }).id,
  );
}

export function declineOffer(client: CarebookClient, offerId: string): Promise<Result<HomeCareOfferState>> {
  return runMapped(
    client.rpc('decline_home_care_offer', { p_offer_id: offerId }),
    'decline_home_care_offer',
    (row) => (row as { state: HomeCareOfferState }).state,
  );
}

export interface MyOffer {
  offerId: string;
  token: string;
  state: HomeCareOfferState;
  requestState: HomeCareState;
  careFr: string;
  careEn: string;
  locality: string | null;
  firstWindowStart: string;
  sentAt: string;
}

export function listMyOffers(client: CarebookClient): Promise<Result<MyOffer[]>> {
  return runMapped(client.rpc('my_home_care_offers'), 'my_home_care_offers', (rows) =>
    rows.map((o) => ({
      offerId: o.offer_id,
      token: o.token,
      state: o.state,
      requestState: o.request_state,
      careFr: o.care_fr,
      careEn: o.care_en,
      locality: o.locality,
      firstWindowStart: o.first_window_start,
      sentAt: o.sent_at,
    })),
  );
}

export interface HomeVisitSettings {
  enabled: boolean;
  baseAddress: string | null;
  baseLatitude: number | null;
  baseLongitude: number | null;
  radiusKm: number;
  travelMinutes: number;
}

export const DEFAULT_HOME_VISIT_SETTINGS: HomeVisitSettings = {
  enabled: false,
  baseAddress: null,
  baseLatitude: null,
  baseLongitude: null,
  radiusKm: 10,
  travelMinutes: 15,
};

/** The caller's settings, or the defaults when they never saved any. */
export async function getMyHomeVisitSettings(client: CarebookClient): Promise<Result<HomeVisitSettings>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const { data, error, status } = await client
    .from('home_visit_settings')
    .select('enabled, base_address, base_latitude, base_longitude, radius_km, travel_minutes')
    .eq('practitioner_id', me.data)
    .maybeSingle();
  if (error) return run(Promise.resolve({ data: null, error, status }), 'home_visit_settings');
  if (!data) return ok({ ...DEFAULT_HOME_VISIT_SETTINGS });
  return ok({
    enabled: data.enabled,
    baseAddress: data.base_address,
    baseLatitude: data.base_latitude,
    baseLongitude: data.base_longitude,
    radiusKm: Number(data.radius_km),
    travelMinutes: data.travel_minutes,
  });
}

export async function saveMyHomeVisitSettings(
  client: CarebookClient,
  settings: HomeVisitSettings,
): Promise<Result<HomeVisitSettings>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const result = await run(
    client
      .from('home_visit_settings')
      .upsert({
        practitioner_id: me.data,
        enabled: settings.enabled,
        base_address: settings.baseAddress,
        base_latitude: settings.baseLatitude,
        base_longitude: settings.baseLongitude,
        radius_km: settings.radiusKm,
        travel_minutes: settings.travelMinutes,
      })
      .select('practitioner_id')
      .single(),
    'home_visit_settings',
  );
  return result.ok ? ok(settings) : result;
}

export interface RoundVisit {
  appointmentId: string;
  startsAt: string;
  endsAt: string;
  windowStart: string;
  windowEnd: string;
  requestId: string;
  address: string;
  latitude: number;
  longitude: number;
  careRecipientName: string;
  contactPhone: string;
  careFr: string;
  careEn: string;
  durationMinutes: number;
}

/** The caller's home visits starting in [from, to), in time order. */
export async function listMyRoundVisits(
  client: CarebookClient,
  from: string,
  to: string,
): Promise<Result<RoundVisit[]>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const result = await run(
    client
      .from('home_care_visits')
      .select(
        'time_window, appointment:appointments!inner(id, starts_at, ends_at, status, practitioner_id), ' +
          'request:home_care_requests!inner(id, address, latitude, longitude, care_recipient_name, contact_phone, ' +
          'care_type:care_types(name_fr, name_en, duration_minutes))',
      )
      .eq('appointment.practitioner_id', me.data)
      .eq('appointment.status', 'confirmed')
      .gte('appointment.starts_at', from)
      .lt('appointment.starts_at', to),
    'home_care_visits',
  );
  if (!result.ok) return result;
  const rows = result.data as unknown as {
    time_window: string;
    appointment: { id: string; starts_at: string; ends_at: string };
    request: {
      id: string;
      address: string;
      latitude: number;
      longitude: number;
      care_recipient_name: string;
      contact_phone: string;
      care_type: { name_fr: string; name_en: string; duration_minutes: number } | null;
    };
  }[];
  try {
    return ok(
      rows
        .map((v) => {
          const [windowStart, windowEnd] = parseRange(v.time_window);
          return {
            appointmentId: v.appointment.id,
            startsAt: v.appointment.starts_at,
            endsAt: v.appointment.ends_at,
            windowStart,
            windowEnd,
            requestId: v.request.id,
            address: v.request.address,
            latitude: v.request.latitude,
            longitude: v.request.longitude,
            careRecipientName: v.request.care_recipient_name,
            contactPhone: v.request.contact_phone,
            careFr: v.request.care_type?.name_fr ?? '',
            careEn: v.request.care_type?.name_en ?? '',
            durationMinutes: v.request.care_type?.duration_minutes ?? 30,
          };
        })
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)),
    );
  } catch (error) {
    return fail({ code: 'unexpected_data', message: String(error) });
  }
}

export interface UnassignedRequest {
  id: string;
  state: HomeCareState;
  urgency: HomeCareUrgency;
  careFr: string;
  careEn: string;
  locality: string | null;
  createdAt: string;
  wave: number;
  escalatedAt: string | null;
  nextWaveAt: string | null;
}

/** Staff: every request nobody took yet, oldest first. */
export function listUnassignedHomeCare(client: CarebookClient): Promise<Result<UnassignedRequest[]>> {
  return runMapped(
    client
      .from('home_care_requests')
      .select(
        'id, state, urgency, locality, created_at, wave, escalated_at, next_wave_at, care_type:care_types(name_fr, name_en)',
      )
      .in('state', ['searching', 'offered'])
      .order('created_at')
      .limit(200),
    'home_care_requests',
    (rows) =>
      rows.map((r) => ({
        id: r.id,
        state: r.state,
        urgency: r.urgency,
        careFr: r.care_type?.name_fr ?? '',
        careEn: r.care_type?.name_en ?? '',
        locality: r.locality,
        createdAt: r.created_at,
        wave: r.wave,
        escalatedAt: r.escalated_at,
        nextWaveAt: r.next_wave_at,
      })),
  );
}

export interface Candidate {
  practitionerId: string;
  displayName: string;
  distanceKm: number;
  addedTravelKm: number;
  offered: boolean;
}

export function listHomeCareCandidates(
  client: CarebookClient,
  requestId: string,
): Promise<Result<Candidate[]>> {
  return runMapped(
    client.rpc('home_care_candidates', { p_request_id: requestId }),
    'home_care_candidates',
    (rows) =>
      rows.map((c) => ({
        practitionerId: c.practitioner_id,
        displayName: c.display_name,
        distanceKm: c.distance_km,
        addedTravelKm: c.added_travel_km,
        offered: c.offered,
      })),
  );
}

export function assignHomeCareRequest(
  client: CarebookClient,
  requestId: string,
  practitionerId: string,
): Promise<Result<HomeCareState>> {
  return runMapped(
    client.rpc('assign_home_care_request', { p_request_id: requestId, p_practitioner_id: practitionerId }),
    'assign_home_care_request',
    (row) => (row as { state: HomeCareState }).state,
  );
}
