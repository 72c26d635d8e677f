// Walks the refusal catalogue (libs/domain/src/refusal-codes.ts): every server code is produced by
// at least one real request through the gateway, with the catalogue's HTTP status, and libs/data
// turns the answer into that code. A code nobody can produce, or a refusal without its code,
// fails here.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { SERVER_REFUSALS, SERVER_REFUSAL_CODES, type ServerRefusalCode } from '@carebook/domain';
import { mapPostgrestError } from '@carebook/data';
import type { PostgrestError } from '@supabase/supabase-js';
import {
  advance,
  anon,
  config,
  createPractitionerProfile,
  expireHold,
  invalidRpps,
  patient,
  practitioner,
  practitionerOpen,
  publishedPractitioner,
  scenario,
  service,
  sql,
  staff,
  type TestUser,
  uniqueSlug,
  user,
} from '@carebook/testing';
import { north, nurse, offersOf, requestCare, sendFirstWave, spot } from './home-care/support.ts';

/** What one attempt answered: the HTTP status and the code the client reads from it. */
interface Answer {
  status: number;
  code: string;
}

type PostgrestAnswer = PromiseLike<{ error: PostgrestError | null; status: number }>;

async function viaData(request: PostgrestAnswer): Promise<Answer> {
  const res = await request;
  if (!res.error) return { status: res.status, code: 'no error' };
  return { status: res.status, code: mapPostgrestError(res.error, res.status).code };
}

/** Edge functions answer `{ error: { code } }`. */
async function viaFunction(path: string, init: RequestInit, user?: TestUser): Promise<Answer> {
  const token = user ? (await user.client.auth.getSession()).data.session?.access_token : config.anonKey;
  const res = await fetch(`${config.apiUrl}/functions/v1/${path}`, {
    ...init,
    headers: {
      apikey: config.anonKey,
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  const body = (await res.json()) as { error?: { code?: string } };
  return { status: res.status, code: body.error?.code ?? 'no code' };
}

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

async function practitionerDraft(
  fields: Parameters<typeof createPractitionerProfile>[1] = {},
): Promise<TestUser> {
  const user = await practitioner();
  await createPractitionerProfile(user, fields);
  return user;
}

/** A home-care request offered (wave 1) to `count` nurses of its own area. */
async function offeredHomeCare(count: number) {
  const here = spot();
  const nurses = await Promise.all(
    Array.from({ length: count }, (_, i) => nurse({ at: north(here, 1 + i) })),
  );
  const request = await requestCare({ at: here });
  await sendFirstWave(request.id);
  return { request, nurses, offers: await offersOf(request.id) };
}

// One way to provoke each code. Kept as a table so that a new code without a row fails the
// coverage test below.
const producers: Record<ServerRefusalCode, () => Promise<Answer>> = {
  invalid_input: async () => {
    const patient = await user('patient');
    return viaData(
      patient.client
        .from('profiles')
        .update({ full_name: 'x'.repeat(201) })
        .eq('id', patient.id),
    );
  },
  text_too_long: () => viaData(anon().rpc('search_practitioners', { p_text: 'kiné '.repeat(100) })),
  out_of_range: () => viaData(anon().rpc('search_practitioners', { p_limit: 0 })),
  not_authenticated: () =>
    viaData(
      anon().rpc('book_appointment', {
        p_practitioner_id: randomUUID(),
        p_consultation_type_id: randomUUID(),
        p_starts_at: inDays(1),
      }),
    ),
  forbidden: async () => {
    const patient = await user('patient');
    return viaData(
      patient.client
        .from('professions')
        .insert({ code: 'hacker', name_fr: 'Pirate', name_en: 'Hacker', registry: 'none', regulated: false }),
    );
  },
  not_found: async () => {
    const patient = await user('patient');
    return viaData(patient.client.rpc('cancel_appointment', { p_appointment_id: randomUUID() }));
  },
  already_exists: async () => {
    const staff = await user('staff');
    const page = { slug: uniqueSlug('page'), locale: 'fr' as const, title: 'Page' };
    await staff.client.from('content_pages').insert(page);
    return viaData(staff.client.from('content_pages').insert(page));
  },
  invalid_window: () =>
    viaData(
      anon().rpc('get_available_slots', {
        p_practitioner_id: randomUUID(),
        p_consultation_type_id: randomUUID(),
        p_from: inDays(2),
        p_to: inDays(1),
      }),
    ),
  window_too_wide: () =>
    viaData(
      anon().rpc('get_available_slots', {
        p_practitioner_id: randomUUID(),
        p_consultation_type_id: randomUUID(),
        p_from: inDays(1),
        p_to: inDays(64),
      }),
    ),
  not_bookable: async () => {
    const s = await practitionerOpen();
    const patient = await user('patient');
    return viaData(
      patient.client.rpc('book_appointment', {
        p_practitioner_id: s.practitioner.id,
        p_consultation_type_id: randomUUID(),
        p_starts_at: s.at(1, '09:00'),
      }),
    );
  },
  self_booking: async () => {
    const s = await practitionerOpen();
    return viaData(s.book(s.practitioner, s.at(1, '09:00')));
  },
  inside_notice: async () => {
    const s = await scenario()
      .weeklyHours({ from: '00:00', to: '23:59' })
      .type({ notice: 3 * 24 * 60 })
      .practitioner()
      .build();
    return viaData(s.book(await patient(), s.at(1, '09:00')));
  },
  beyond_horizon: async () => {
    const s = await practitionerOpen({ horizonDays: 5 });
    return viaData(s.book(await patient(), s.at(10, '09:00')));
  },
  outside_hours: async () => {
    const s = await practitionerOpen();
    return viaData(s.book(await patient(), s.at(1, '15:00')));
  },
  slot_taken: async () => {
    const s = await practitionerOpen();
    await s.book(await patient(), s.at(1, '09:00'));
    return viaData(s.book(await patient(), s.at(1, '09:00')));
  },
  off_grid: async () => {
    const s = await practitionerOpen();
    return viaData(s.book(await patient(), s.at(1, '09:07')));
  },
  active_limit_reached: async () => {
    const s = await practitionerOpen();
    const patient = await user('patient');
    for (const day of [1, 2, 3]) await s.book(patient, s.at(day, '09:00'));
    return viaData(s.book(patient, s.at(4, '09:00')));
  },
  idempotency_conflict: async () => {
    const s = await practitionerOpen();
    const patient = await user('patient');
    await s.book(patient, s.at(1, '09:00'), { key: 'same-key' });
    return viaData(s.book(patient, s.at(1, '10:00'), { key: 'same-key' }));
  },
  appointment_closed: async () => {
    const s = await practitionerOpen();
    const patient = await user('patient');
    const booked = await s.book(patient, s.at(5, '09:00'));
    await patient.client.rpc('cancel_appointment', { p_appointment_id: booked.data!.id });
    return viaData(patient.client.rpc('cancel_appointment', { p_appointment_id: booked.data!.id }));
  },
  cutoff_passed: async () => {
    const s = await scenario()
      .weeklyHours({ from: '00:00', to: '23:59' })
      .type({ cutoffHours: 48 })
      .practitioner()
      .build();
    const patient = await user('patient');
    const booked = await s.book(patient, s.at(1, '12:00'));
    return viaData(patient.client.rpc('cancel_appointment', { p_appointment_id: booked.data!.id }));
  },
  hold_expired: async () => {
    const s = await practitionerOpen({ price: 5000 });
    const patient = await user('patient');
    const held = await s.book(patient, s.at(3, '09:00'));
    await expireHold(held.data!.id);
    return viaData(
      patient.client.rpc('reschedule_appointment', {
        p_appointment_id: held.data!.id,
        p_starts_at: s.at(3, '10:00'),
      }),
    );
  },
  reason_required: async () => {
    const s = await practitionerOpen();
    const booked = await s.book(await patient(), s.at(2, '09:00'));
    return viaData(s.practitioner.client.rpc('cancel_appointment', { p_appointment_id: booked.data!.id }));
  },
  not_started: async () => {
    const s = await practitionerOpen();
    const booked = await s.book(await patient(), s.at(2, '09:00'));
    return viaData(
      s.practitioner.client.rpc('set_appointment_outcome', { p_appointment_id: booked.data!.id, p_outcome: 'completed' }),
    );
  },
  location_incomplete: () => viaData(anon().rpc('search_practitioners', { p_lat: 48.85 })),
  invalid_time_zone: async () => {
    const user = await practitionerDraft();
    return viaData(
      user.client.from('practitioners').update({ time_zone: 'Mars/Olympus_Mons' }).eq('id', user.id),
    );
  },
  registration_invalid: async () => {
    const user = await practitioner();
    return viaData(
      user.client.from('practitioners').insert({
        id: user.id,
        slug: uniqueSlug('dr'),
        display_name: 'Dr Test',
        profession_code: 'general_practitioner',
        registration_number: invalidRpps(),
      }),
    );
  },
  registration_required: async () => {
    const user = await practitionerDraft({
      profession_code: 'general_practitioner',
      registration_number: null,
    });
    return viaData(
      user.client.from('practitioners').update({ verification_status: 'submitted' }).eq('id', user.id),
    );
  },
  registration_locked: async () => {
    const user = await practitionerDraft();
    await user.client.from('practitioners').update({ verification_status: 'submitted' }).eq('id', user.id);
    return viaData(
      user.client.from('practitioners').update({ registration_number: '123456789' }).eq('id', user.id),
    );
  },
  specialty_mismatch: async () => {
    const user = await practitionerDraft({ profession_code: 'psychologist' });
    const { data } = await anon()
      .from('specialties')
      .select('id')
      .neq('profession_code', 'psychologist')
      .limit(1)
      .single();
    return viaData(
      user.client
        .from('practitioner_specialties')
        .insert({ practitioner_id: user.id, specialty_id: data!.id }),
    );
  },
  illegal_transition: async () => {
    const user = await practitionerDraft();
    return viaData(
      user.client.from('practitioners').update({ verification_status: 'verified' }).eq('id', user.id),
    );
  },
  staff_only: async () => {
    const patient = await user('patient');
    return viaData(
      patient.client.rpc('review_practitioner', { p_practitioner_id: randomUUID(), p_action: 'approve' }),
    );
  },
  self_review: async () => {
    const user = await practitionerDraft();
    await advance(user.id, 'submitted');
    await service().from('staff_members').insert({ user_id: user.id });
    return viaData(
      user.client.rpc('review_practitioner', { p_practitioner_id: user.id, p_action: 'approve' }),
    );
  },
  stale_review: async () => {
    const owner = await practitionerDraft();
    await advance(owner.id, 'submitted', 'verified');
    const staff = await user('staff');
    return viaData(
      staff.client.rpc('review_practitioner', {
        p_practitioner_id: owner.id,
        p_action: 'reject',
        p_reason: 'Blurry diploma',
        p_expected_status: 'submitted',
      }),
    );
  },
  owner_only: async () => {
    const owner = await practitionerDraft();
    const staff = await user('staff');
    return viaData(
      staff.client.from('practitioners').update({ verification_status: 'submitted' }).eq('id', owner.id),
    );
  },
  staff_edit_limited: async () => {
    const owner = await practitionerDraft();
    await advance(owner.id, 'submitted');
    const staff = await user('staff');
    return viaData(
      staff.client.from('practitioners').update({ display_name: 'Renamed by staff' }).eq('id', owner.id),
    );
  },
  staff_role_locked: async () => {
    const patient = await user('patient');
    return viaData(service().from('profiles').update({ role: 'staff' }).eq('id', patient.id));
  },
  preference_required: async () => {
    const patient = await user('patient');
    return viaData(
      patient.client.rpc('set_notification_preference', {
        p_category: 'booking',
        p_channel: 'email',
        p_enabled: false,
      }),
    );
  },
  payment_closed: async () => {
    const open = await practitionerOpen({ price: 0 });
    const patientUser = await user('patient');
    const booked = await open.book(patientUser, open.at(3, '09:00'));
    return viaData(patientUser.client.rpc('begin_checkout', { p_appointment_id: booked.data!.id }));
  },
  signature_invalid: () => viaFunction('stripe-webhook', { method: 'POST', body: '{}' }),
  already_subscribed: async () => {
    const pro = await publishedPractitioner();
    return viaFunction(
      'billing/subscribe',
      { method: 'POST', body: JSON.stringify({ plan: 'essential_monthly' }) },
      pro,
    );
  },
  invalid_json: async () =>
    viaFunction('review-practitioner', { method: 'POST', body: '{not json' }, await staff()),
  already_taken: async () => {
    const { nurses, offers } = await offeredHomeCare(2);
    const [first, second] = nurses.map((n) => offers.find((o) => o.practitioner_id === n.id)!);
    await nurses[0]!.client.rpc('accept_home_care_offer', { p_offer_id: first!.id });
    return viaData(nurses[1]!.client.rpc('accept_home_care_offer', { p_offer_id: second!.id }));
  },
  visit_unavailable: async () => {
    const { request, nurses, offers } = await offeredHomeCare(1);
    await sql(
      `insert into public.external_busy_intervals (practitioner_id, source, source_id, during)
       select $1, 'google', 'refusal-codes', tstzrange(lower(v.time_window) - interval '1 hour', upper(v.time_window) + interval '1 hour')
         from public.home_care_visits v where v.request_id = $2`,
      [nurses[0]!.id, request.id],
    );
    return viaData(nurses[0]!.client.rpc('accept_home_care_offer', { p_offer_id: offers[0]!.id }));
  },
  request_closed: async () => {
    const { request, nurses, offers } = await offeredHomeCare(1);
    await request.patient.client.rpc('cancel_home_care_request', { p_request_id: request.id });
    return viaData(nurses[0]!.client.rpc('accept_home_care_offer', { p_offer_id: offers[0]!.id }));
  },
  document_file_missing: async () => {
    const user = await practitionerDraft();
    const { data } = await service()
      .from('verification_documents')
      .insert({
        practitioner_id: user.id,
        kind: 'diploma',
        object_path: `${user.id}/missing.pdf`,
        mime_type: 'application/pdf',
        size_bytes: 10,
        file_name: 'missing.pdf',
      })
      .select('id')
      .single();
    return viaFunction(`review-practitioner/documents/${data!.id}`, { method: 'GET' }, await staff());
  },
};

describe('refusal codes', () => {
  it('has a producer for every code of the catalogue', () => {
    expect(Object.keys(producers).sort()).toEqual([...SERVER_REFUSAL_CODES].sort());
  });

  for (const code of SERVER_REFUSAL_CODES) {
    it(`${code}: answered ${SERVER_REFUSALS[code].status} with its code`, async () => {
      const answer = await producers[code]();
      expect(answer).toEqual({ status: SERVER_REFUSALS[code].status, code });
    });
  }
});
