// The data the RLS matrix is about (described at the top of rls-matrix.ts), built fresh per run
// through the API, and one adapter per table and bucket: which fixture rows exist, who owns them,
// and how to attempt each write (probes in rls-probes.ts).
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  anon,
  config,
  createPractitionerProfile,
  uniqueEmail,
  uniqueLetters,
  uniqueSlug,
  user,
} from '@carebook/testing';
import { ROLES, type BucketName, type RelationName, type Role } from './rls-matrix.ts';

const ROLES_WITH_ACCOUNTS = ROLES.filter((role) => role !== 'anon');
import {
  admin,
  asProbe,
  bucketAdapter,
  exists,
  fail,
  insertReturning,
  marker,
  otherOf,
  ownerless,
  pdf,
  png,
  readKeys,
  standardProbes,
  tryDelete,
  tryInsert,
  tryUpdate,
  type Actor,
  type Adapter,
  type OwnerOf,
  type Probe,
  type Row,
} from './rls-probes.ts';

export type { Actor, Adapter, Probe } from './rls-probes.ts';

export interface Fixture {
  actors: Record<Role, Actor>;
  relations: Record<RelationName, Adapter>;
  buckets: Record<BucketName, Adapter>;
}

const PRACTITIONERS: readonly Role[] = ['practitioner', 'otherPractitioner'];
const PATIENTS: readonly Role[] = ['otherPatient', 'patient'];
const USERS: readonly Role[] = ['patient', 'otherPatient', 'practitioner', 'otherPractitioner', 'staff'];
const FAR_FUTURE = Date.UTC(2031, 5, 2);

export async function buildFixture(): Promise<Fixture> {
  const sa = admin();
  const domain = `${uniqueLetters(10)}.example.com`;
  const companyId = await insertReturning(sa, 'companies', {
    name: 'RLS Matrix SA',
    email_domains: [domain],
  });
  // Membership probes use a company nobody belongs to.
  const probeCompanyId = await insertReturning(sa, 'companies', { name: 'RLS Probe SA', email_domains: [] });

  // patient's address is on the company's domain, so the confirmation trigger makes them a member.
  const [patient, otherPatient, practitioner, otherPractitioner, staff] = await Promise.all([
    user('patient', { email: uniqueEmail('patient', domain) }),
    user('patient'),
    user('practitioner'),
    user('practitioner'),
    user('staff'),
  ]);
  const raw = (u: { client: unknown }): SupabaseClient => u.client as SupabaseClient;
  const actors: Record<Role, Actor> = {
    anon: { role: 'anon', id: null, client: anon() as unknown as SupabaseClient },
    patient: { role: 'patient', id: patient.id, client: raw(patient) },
    otherPatient: { role: 'otherPatient', id: otherPatient.id, client: raw(otherPatient) },
    practitioner: { role: 'practitioner', id: practitioner.id, client: raw(practitioner) },
    otherPractitioner: {
      role: 'otherPractitioner',
      id: otherPractitioner.id,
      client: raw(otherPractitioner),
    },
    staff: { role: 'staff', id: staff.id, client: raw(staff) },
  };
  const idOf = (role: Role): string => {
    const id = actors[role].id;
    if (!id) throw new Error(`${role} has no id`);
    return id;
  };

  // A profession of its own (no registry, so no registration numbers) and four specialties:
  // a for practitioner, b for otherPractitioner, c and d for probes.
  const professionCode = `rls_${uniqueLetters()}`;
  const profession = {
    code: professionCode,
    name_fr: 'Matrice',
    name_en: 'Matrix',
    registry: 'none',
    regulated: false,
  };
  await insertReturning(sa, 'professions', profession, 'code');
  const specialty = (code: string) =>
    insertReturning(sa, 'specialties', {
      profession_code: professionCode,
      code,
      name_fr: code,
      name_en: code,
    });
  const [specA, specB, specC, specD] = await Promise.all(
    ['spec_a', 'spec_b', 'spec_c', 'spec_d'].map(specialty),
  );
  if (!specA || !specB || !specC || !specD) throw new Error('fixture: specialties');

  // Each practitioner builds their profile as the app would, while it is a draft: a specialty,
  // a document (file and row), an active consultation type.
  const built = new Map<Role, { document: string; type: string }>();
  for (const [user, role, spec] of [
    [practitioner, 'practitioner', specA],
    [otherPractitioner, 'otherPractitioner', specB],
  ] as const) {
    const c = raw(user);
    await createPractitionerProfile(user, { profession_code: professionCode, registration_number: null });
    await insertReturning(
      c,
      'practitioner_specialties',
      { practitioner_id: user.id, specialty_id: spec },
      'specialty_id',
    );
    const path = `${user.id}/diploma.pdf`;
    const up = await c.storage
      .from('verification-documents')
      .upload(path, pdf(role), { contentType: 'application/pdf' });
    if (up.error) fail(`${role}'s document`, up.error);
    const document = await insertReturning(c, 'verification_documents', {
      practitioner_id: user.id,
      kind: 'diploma',
      object_path: path,
      file_name: 'diploma.pdf',
      mime_type: 'application/pdf',
      size_bytes: pdf(role).length,
    });
    const type = await insertReturning(c, 'consultation_types', {
      practitioner_id: user.id,
      name_fr: 'Première consultation',
      duration_minutes: 45,
      price_cents: 6000,
      mode: 'video',
    });
    built.set(role, { document, type });
  }
  const mine = built.get('practitioner');
  const theirs = built.get('otherPractitioner');
  if (!mine || !theirs) throw new Error('fixture: practitioners');
  const inactiveType = await insertReturning(raw(practitioner), 'consultation_types', {
    practitioner_id: practitioner.id,
    name_fr: 'Ancienne formule',
    duration_minutes: 30,
    price_cents: 4000,
    mode: 'video',
    active: false,
  });
  const typeOf = (role: Role): string => (role === 'practitioner' ? mine.type : theirs.type);

  // practitioner: submitted by its owner, approved by staff, subscribed. otherPractitioner stays a
  // draft with a trial.
  const submit = await raw(practitioner)
    .from('practitioners')
    .update({ verification_status: 'submitted' })
    .eq('id', practitioner.id);
  if (submit.error) fail('submitting', submit.error);
  const approve = await raw(staff).rpc('review_practitioner', {
    p_practitioner_id: practitioner.id,
    p_action: 'approve',
  });
  if (approve.error) fail('approving', approve.error);
  const subscriptions = [
    await insertReturning(sa, 'subscriptions', {
      practitioner_id: practitioner.id,
      plan: 'standard',
      status: 'active',
    }),
    await insertReturning(sa, 'subscriptions', {
      practitioner_id: otherPractitioner.id,
      plan: 'standard',
      status: 'trialing',
    }),
  ] as const;
  if (!(await exists('practitioners', { id: practitioner.id, published: true }))) {
    throw new Error('fixture: practitioner should be published');
  }

  for (const [user, role] of [
    [practitioner, 'practitioner'],
    [patient, 'patient'],
  ] as const) {
    const up = await raw(user)
      .storage.from('avatars')
      .upload(`${user.id}/avatar.png`, png(role), { contentType: 'image/png' });
    if (up.error) fail(`${role}'s avatar`, up.error);
  }

  const pages = {
    published: await insertReturning(sa, 'content_pages', {
      slug: uniqueSlug('about'),
      locale: 'fr',
      title: 'À propos',
      body_md: '# Carebook',
      published: true,
    }),
    draft: await insertReturning(sa, 'content_pages', {
      slug: uniqueSlug('draft'),
      locale: 'fr',
      title: 'Brouillon',
    }),
  };

  // Scheduling: per practitioner a weekly rule, a day off and a busy interval from a calendar;
  // one appointment between patient and practitioner. Far in the future, out of everybody's way.
  const ruleRow = (owner: string): Row => ({
    practitioner_id: owner,
    weekday: 1,
    start_time: '09:00',
    end_time: '12:00',
  });
  const exceptionRow = (owner: string): Row => ({
    practitioner_id: owner,
    kind: 'time_off',
    during: '[2031-01-06 09:00:00+00,2031-01-06 12:00:00+00)',
  });
  const busyRow = (owner: string): Row => ({
    practitioner_id: owner,
    source: 'google',
    source_id: marker(),
    during: '[2031-01-07 09:00:00+00,2031-01-07 10:00:00+00)',
  });
  const schedule: Record<'rules' | 'exceptions' | 'busy', Partial<Record<Role, string>>> = {
    rules: {},
    exceptions: {},
    busy: {},
  };
  for (const role of PRACTITIONERS) {
    schedule.rules[role] = await insertReturning(sa, 'availability_rules', ruleRow(idOf(role)));
    schedule.exceptions[role] = await insertReturning(
      sa,
      'availability_exceptions',
      exceptionRow(idOf(role)),
    );
    schedule.busy[role] = await insertReturning(sa, 'external_busy_intervals', busyRow(idOf(role)));
  }
  const appointmentRow = (patientId: string, practitionerRole: Role, hour: number, status: string): Row => {
    const starts = new Date(FAR_FUTURE + hour * 3_600_000).toISOString();
    const ends = new Date(FAR_FUTURE + hour * 3_600_000 + 45 * 60_000).toISOString();
    return {
      practitioner_id: idOf(practitionerRole),
      patient_id: patientId,
      consultation_type_id: typeOf(practitionerRole),
      starts_at: starts,
      ends_at: ends,
      blocked: `[${starts},${ends})`,
      status,
      mode: 'video',
      price_cents: 6000,
      currency: 'EUR',
    };
  };
  const appointmentId = await insertReturning(
    sa,
    'appointments',
    appointmentRow(patient.id, 'practitioner', 0, 'confirmed'),
  );

  // Money: a Stripe customer for the patient and the practitioner, a payment of the appointment.
  for (const owner of [patient.id, practitioner.id]) {
    const { error } = await sa
      .from('billing_customers')
      .insert({ profile_id: owner, stripe_customer_id: `cus_${uniqueLetters(14)}` });
    if (error) fail('seeding billing_customers', error);
  }
  const paymentId = await insertReturning(sa, 'payments', {
    appointment_id: appointmentId,
    patient_id: patient.id,
    practitioner_id: practitioner.id,
    amount_cents: 6000,
    currency: 'EUR',
    checkout_expires_at: new Date(FAR_FUTURE).toISOString(),
  });
  const planCodes = ['essential_monthly', 'essential_yearly'];
  // The fixture company pays for the practitioner's type; one sponsored appointment of the patient.
  {
    const { error } = await sa
      .from('company_sponsored_types')
      .insert({ company_id: companyId, consultation_type_id: typeOf('practitioner') });
    if (error) fail('seeding company_sponsored_types', error);
    await insertReturning(sa, 'appointments', {
      ...appointmentRow(patient.id, 'practitioner', 1, 'confirmed'),
      sponsor_company_id: companyId,
    });
  }

  // Home care: a care type of the fixture's profession; a request of the patient accepted by the
  // practitioner (one visit, an offer to each practitioner) naming the patient's prescription.
  // No home-visit settings: their probes make and remove their own rows (one per practitioner).
  const careTypeId = await insertReturning(sa, 'care_types', {
    profession_code: professionCode,
    code: `rls_${uniqueLetters()}`,
    name_fr: 'Soin RLS',
    name_en: 'RLS care',
    duration_minutes: 30,
  });
  const prescriptionPath = `${patient.id}/prescription.pdf`;
  {
    const up = await raw(patient)
      .storage.from('prescriptions')
      .upload(prescriptionPath, pdf('prescription'), { contentType: 'application/pdf' });
    if (up.error) fail("patient's prescription", up.error);
  }
  const homeCareId = await insertReturning(sa, 'home_care_requests', {
    patient_id: patient.id,
    care_type_id: careTypeId,
    for_whom: 'self',
    care_recipient_name: 'RLS Patient',
    contact_phone: '+33600000000',
    address: '1 rue du Test',
    latitude: 45,
    longitude: 4,
    daily_windows: ['09:00-12:00'],
    first_day: '2031-06-02',
    state: 'scheduled',
    wave: 1,
    next_wave_at: null,
    accepted_by: practitioner.id,
    accepted_at: new Date().toISOString(),
    prescription_path: prescriptionPath,
  });
  const homeVisitId = await insertReturning(sa, 'home_care_visits', {
    request_id: homeCareId,
    seq: 1,
    time_window: '[2031-06-02T07:00:00Z,2031-06-02T10:00:00Z)',
  });
  const offerTo = async (practitionerId: string, rank: number, state: string) =>
    insertReturning(sa, 'home_care_offers', {
      request_id: homeCareId,
      practitioner_id: practitionerId,
      wave: 1,
      rank,
      state,
    });
  const offerIds = [
    await offerTo(practitioner.id, 1, 'accepted'),
    await offerTo(otherPractitioner.id, 2, 'taken'),
  ];
  /** Writes nobody may make on home-care rows (only the database functions write them). */
  const homeCareWritesDenied = (
    table: string,
    key: string,
    forged: () => Row,
    patch: () => Row,
  ): Pick<Adapter, 'insert' | 'update' | 'delete'> => ({
    insert: async (actor, target) => {
      if (target === 'self') return null;
      const row = { id: randomUUID(), ...forged() };
      return tryInsert(actor, table, row, { id: row.id });
    },
    update: async (actor, target) =>
      target === 'self' ? null : tryUpdate(actor, table, { id: key }, patch()),
    delete: async (actor, target) => (target === 'self' ? null : tryDelete(actor, table, { id: key })),
  });

  const trail = async (table: string, filter: string, value: string): Promise<string[]> => {
    const { data, error } = await sa.from(table).select('id').eq(filter, value);
    if (error || !data || data.length !== 2)
      throw new Error(`fixture: expected 2 ${table} rows of the verification`);
    return data.map((r: Row) => String(r.id));
  };
  const auditIds = await trail('audit_log', 'record_id', practitioner.id);
  const outboxIds = await trail('outbox', 'payload->>practitioner_id', practitioner.id);
  // Notifications: a delivery (SMS, a channel the notify job never plans yet, so no run of it
  // collides) and one in-app notice per signed-in role.
  const deliveryId = await insertReturning(sa, 'deliveries', {
    outbox_id: Number(outboxIds[0]),
    recipient_id: practitioner.id,
    channel: 'sms',
  });
  const notificationOf = {} as Partial<Record<Role, string>>;
  for (const role of ROLES_WITH_ACCOUNTS) {
    notificationOf[role] = await insertReturning(sa, 'notifications', {
      recipient_id: idOf(role),
      topic: 'fixture.notice',
    });
  }
  for (const role of ROLES_WITH_ACCOUNTS) {
    const { error } = await sa
      .from('notification_preferences')
      .insert({ profile_id: idOf(role), category: 'reminders', channel: 'email', enabled: false });
    if (error) fail('seeding notification_preferences', error);
  }
  if (!(await exists('company_members', { company_id: companyId, user_id: patient.id }))) {
    throw new Error('fixture: the patient should be a member of the company');
  }

  // --- Who owns what a probe writes.

  /** Rows owned through a practitioner: the caller's own, or the other practitioner's. */
  const byPractitioner: OwnerOf = (actor, target) => {
    if (target === 'other') return { owner: idOf(otherOf(actor, PRACTITIONERS)) };
    return PRACTITIONERS.includes(actor.role) ? { owner: idOf(actor.role) } : null;
  };
  const practitionerTables = (
    table: string,
    ids: Partial<Record<Role, string>>,
    row: (owner: string) => Row,
    patch: () => Row,
  ): Adapter => ({
    rows: PRACTITIONERS.map((role) => ({ key: ids[role] ?? '', owners: [role], published: false })),
    read: readKeys(table, 'id', Object.values(ids)),
    ...standardProbes({ table, ownerOf: byPractitioner, row: (owner) => row(owner ?? ''), patch }),
  });
  const practitionerId = (actor: Actor, target: 'self' | 'other'): string | null =>
    byPractitioner(actor, target)?.owner ?? null;
  /** Rows that belong to one person: the caller's own, or another patient's. */
  const personal: OwnerOf = (actor, target) => {
    if (target === 'self') return actor.id ? { owner: actor.id } : null;
    return { owner: idOf(actor.role === 'patient' ? 'otherPatient' : 'patient') };
  };
  const otherPatient_ = (actor: Actor): string => idOf(otherOf(actor, PATIENTS));

  // Probe appointments are completed, spread over distinct hours: no overlap rule applies.
  let probeHour = 24;
  const appointmentOwner: OwnerOf = (actor, target) => (target === 'self' && !actor.id ? null : {});
  const appointmentFor = (actor: Actor, target: 'self' | 'other'): Row => {
    const asPractitioner = PRACTITIONERS.includes(actor.role);
    if (target === 'other')
      return appointmentRow(otherPatient_(actor), otherOf(actor, PRACTITIONERS), probeHour++, 'completed');
    return asPractitioner
      ? appointmentRow(patient.id, actor.role, probeHour++, 'completed')
      : appointmentRow(idOf(actor.role), 'practitioner', probeHour++, 'completed');
  };

  // Private notes: one on each practitioner's appointment (the other practitioner's booked with
  // themself, so that no profile becomes readable to them). A probe works on a fresh appointment
  // of the caller as practitioner ("self", practitioners only) or of another practitioner.
  const otherNoteAppointment = await insertReturning(
    sa,
    'appointments',
    appointmentRow(idOf('otherPractitioner'), 'otherPractitioner', probeHour++, 'completed'),
  );
  for (const [id, role] of [
    [appointmentId, 'practitioner'],
    [otherNoteAppointment, 'otherPractitioner'],
  ] as const) {
    const { error } = await sa
      .from('appointment_notes')
      .insert({ appointment_id: id, practitioner_id: idOf(role), body: 'Fixture note' });
    if (error) fail('seeding appointment_notes', error);
  }
  async function noteAppointmentFor(
    actor: Actor,
    target: 'self' | 'other',
  ): Promise<{ id: string; owner: string } | null> {
    if (target === 'self' && !PRACTITIONERS.includes(actor.role)) return null;
    const owner = target === 'self' ? actor.role : otherOf(actor, PRACTITIONERS);
    const id = await insertReturning(
      sa,
      'appointments',
      appointmentRow(patient.id, owner, probeHour++, 'completed'),
    );
    return { id, owner: idOf(owner) };
  }
  async function onSeededNote(
    actor: Actor,
    target: 'self' | 'other',
    act: (appointmentId: string) => Promise<Probe>,
  ): Promise<Probe | null> {
    const on = await noteAppointmentFor(actor, target);
    if (!on) return null;
    const seeded = await sa
      .from('appointment_notes')
      .insert({ appointment_id: on.id, practitioner_id: on.owner, body: marker() });
    if (seeded.error) fail('seeding appointment_notes', seeded.error);
    const probe = await act(on.id);
    await sa.from('appointment_notes').delete().eq('appointment_id', on.id);
    return probe;
  }

  /** A new company (and, for "self", the caller's membership of it): the most tempting one to edit. */
  async function companyFor(actor: Actor, target: 'self' | 'other'): Promise<string | null> {
    if (target === 'self' && !actor.id) return null;
    const id = await insertReturning(sa, 'companies', { name: marker(), email_domains: [] });
    if (target === 'self')
      await insertReturning(sa, 'company_members', { company_id: id, user_id: actor.id }, 'company_id');
    return id;
  }

  const practitionerProfile = (id: string): Row => ({
    id,
    slug: uniqueSlug('probe'),
    display_name: 'Dr Probe',
    profession_code: professionCode,
    modes: ['video'],
  });
  const userIds = USERS.map(idOf);

  const relations: Record<RelationName, Adapter> = {
    profiles: {
      // The patient's profile is also the practitioner's to read: they have an appointment together.
      rows: USERS.map((role) => ({
        key: idOf(role),
        owners: role === 'patient' ? ['patient', 'practitioner'] : [role],
        published: false,
      })),
      read: readKeys('profiles', 'id', userIds),
      insert: async (actor, target) => {
        if (target === 'self') return null;
        const id = randomUUID();
        return tryInsert(actor, 'profiles', { id, role: 'patient' }, { id });
      },
      update: async (actor, target) => {
        const id = target === 'self' ? actor.id : otherPatient_(actor);
        return id ? tryUpdate(actor, 'profiles', { id }, { full_name: marker() }) : null;
      },
      delete: async (actor, target) => {
        const id = target === 'self' ? actor.id : otherPatient_(actor);
        return id ? tryDelete(actor, 'profiles', { id }) : null;
      },
    },
    staff_members: {
      rows: [{ key: staff.id, owners: ['staff'], published: false }],
      read: readKeys('staff_members', 'user_id', userIds),
      insert: async (actor, target) => {
        const id = target === 'other' ? otherPatient_(actor) : actor.role === 'staff' ? null : actor.id;
        return id ? tryInsert(actor, 'staff_members', { user_id: id }, { user_id: id }) : null;
      },
      // The one staff row there is: staff's own, everybody else's "other".
      update: async (actor, target) => {
        if (target === 'self' && actor.role !== 'staff') return null;
        const { error } = await actor.client
          .from('staff_members')
          .update({ created_at: '2001-01-01T00:00:00Z' })
          .eq('user_id', staff.id);
        const { data } = await sa
          .from('staff_members')
          .select('created_at')
          .eq('user_id', staff.id)
          .single<Row>();
        return asProbe(error, new Date(String(data?.created_at)).getUTCFullYear() === 2001);
      },
      delete: async (actor, target) =>
        target === 'self' && actor.role !== 'staff'
          ? null
          : tryDelete(actor, 'staff_members', { user_id: staff.id }),
    },
    audit_log: {
      rows: auditIds.map((key) => ({ key, owners: [], published: false })),
      read: readKeys('audit_log', 'id', auditIds),
      insert: async (actor, target) => {
        if (target === 'self') return null;
        const m = marker();
        const forged = { actor_role: 'forged', action: 'forged', table_name: 'practitioners', record_id: m };
        return tryInsert(actor, 'audit_log', forged, { record_id: m });
      },
      // The fixture's own rows: nothing may change them, so probing them risks nothing.
      update: async (actor, target) =>
        target === 'self' ? null : tryUpdate(actor, 'audit_log', { id: auditIds[0] }, { action: 'tampered' }),
      delete: async (actor, target) =>
        target === 'self' ? null : tryDelete(actor, 'audit_log', { id: auditIds[0] }),
    },
    outbox: {
      rows: outboxIds.map((key) => ({ key, owners: [], published: false })),
      read: readKeys('outbox', 'id', outboxIds),
      ...standardProbes({
        table: 'outbox',
        key: ['dedupe_key'],
        ownerOf: ownerless,
        row: () => ({ topic: 'probe.message', payload: {}, dedupe_key: marker() }),
        patch: () => ({ last_error: marker() }),
      }),
    },
    deliveries: {
      rows: [{ key: deliveryId, owners: [], published: false }],
      read: readKeys('deliveries', 'id', [deliveryId]),
      insert: async (actor, target) => {
        if (target === 'self') return null;
        const id = randomUUID();
        const forged = {
          id,
          outbox_id: Number(outboxIds[1]),
          recipient_id: practitioner.id,
          channel: 'email',
        };
        return tryInsert(actor, 'deliveries', forged, { id });
      },
      // The fixture's own row: nothing but the service role may change it.
      update: async (actor, target) =>
        target === 'self'
          ? null
          : tryUpdate(actor, 'deliveries', { id: deliveryId }, { last_error: 'tampered' }),
      delete: async (actor, target) =>
        target === 'self' ? null : tryDelete(actor, 'deliveries', { id: deliveryId }),
    },
    notifications: {
      rows: ROLES_WITH_ACCOUNTS.map((role) => ({
        key: notificationOf[role]!,
        owners: [role],
        published: false,
      })),
      read: readKeys(
        'notifications',
        'id',
        ROLES_WITH_ACCOUNTS.map((role) => notificationOf[role]!),
      ),
      ...standardProbes({
        table: 'notifications',
        ownerOf: personal,
        row: (owner) => ({ recipient_id: owner, topic: 'probe.notice' }),
        patch: () => ({ read_at: '2027-01-01T00:00:00+00:00' }),
      }),
    },
    notification_preferences: {
      rows: ROLES_WITH_ACCOUNTS.map((role) => ({ key: idOf(role), owners: [role], published: false })),
      read: readKeys(
        'notification_preferences',
        'profile_id',
        ROLES_WITH_ACCOUNTS.map((role) => idOf(role)),
      ),
      ...standardProbes({
        table: 'notification_preferences',
        key: ['profile_id', 'category', 'channel'],
        ownerOf: personal,
        row: (owner) => ({ profile_id: owner, category: 'account', channel: 'sms', enabled: true }),
        patch: () => ({ enabled: false }),
      }),
    },
    plans: {
      rows: planCodes.map((key) => ({ key, owners: [], published: true })),
      read: readKeys('plans', 'code', planCodes),
      insert: async (actor, target) => {
        if (target === 'self') return null;
        const code = `rls_${uniqueLetters(8)}`;
        const forged = {
          code,
          name_fr: 'Faux',
          name_en: 'Forged',
          billing_interval: 'month',
          amount_cents: 1,
          stripe_lookup_key: `forged_${code}`,
        };
        return tryInsert(actor, 'plans', forged, { code });
      },
      update: async (actor, target) =>
        target === 'self' ? null : tryUpdate(actor, 'plans', { code: planCodes[0] }, { amount_cents: 1 }),
      delete: async (actor, target) =>
        target === 'self' ? null : tryDelete(actor, 'plans', { code: planCodes[1] }),
    },
    billing_customers: {
      rows: [
        { key: patient.id, owners: ['patient'], published: false },
        { key: practitioner.id, owners: ['practitioner'], published: false },
      ],
      read: readKeys('billing_customers', 'profile_id', [patient.id, practitioner.id]),
      insert: async (actor, target) => {
        if (target === 'self') return null;
        const forged = { profile_id: otherPatient.id, stripe_customer_id: `cus_${uniqueLetters(14)}` };
        return tryInsert(actor, 'billing_customers', forged, { profile_id: otherPatient.id });
      },
      update: async (actor, target) =>
        target === 'self'
          ? null
          : tryUpdate(
              actor,
              'billing_customers',
              { profile_id: patient.id },
              { stripe_customer_id: 'cus_tampered' },
            ),
      delete: async (actor, target) =>
        target === 'self' ? null : tryDelete(actor, 'billing_customers', { profile_id: patient.id }),
    },
    payments: {
      rows: [{ key: paymentId, owners: ['patient', 'practitioner'], published: false }],
      read: readKeys('payments', 'id', [paymentId]),
      insert: async (actor, target) => {
        if (target === 'self') return null;
        const id = randomUUID();
        const forged = {
          id,
          appointment_id: appointmentId,
          patient_id: patient.id,
          practitioner_id: practitioner.id,
          amount_cents: 1,
          currency: 'EUR',
          checkout_expires_at: new Date(FAR_FUTURE).toISOString(),
        };
        return tryInsert(actor, 'payments', forged, { id });
      },
      update: async (actor, target) =>
        target === 'self' ? null : tryUpdate(actor, 'payments', { id: paymentId }, { status: 'refunded' }),
      delete: async (actor, target) =>
        target === 'self' ? null : tryDelete(actor, 'payments', { id: paymentId }),
    },
    professions: {
      rows: [{ key: professionCode, owners: [], published: true }],
      read: readKeys('professions', 'code', [professionCode]),
      ...standardProbes({
        table: 'professions',
        key: ['code'],
        ownerOf: ownerless,
        row: () => ({ ...profession, code: `rls_${uniqueLetters()}` }),
        patch: () => ({ name_en: marker() }),
      }),
    },
    specialties: {
      rows: [specA, specB, specC, specD].map((key) => ({ key, owners: [], published: true })),
      read: readKeys('specialties', 'id', [specA, specB, specC, specD]),
      ...standardProbes({
        table: 'specialties',
        ownerOf: ownerless,
        row: () => ({
          profession_code: professionCode,
          code: `probe_${uniqueLetters()}`,
          name_fr: 'Sonde',
          name_en: 'Probe',
        }),
        patch: () => ({ name_en: marker() }),
      }),
    },
    subscriptions: {
      rows: [
        { key: subscriptions[0], owners: ['practitioner'], published: false },
        { key: subscriptions[1], owners: ['otherPractitioner'], published: false },
      ],
      read: readKeys('subscriptions', 'id', subscriptions),
      // Canceled ones, so that no probe publishes anybody.
      ...standardProbes({
        table: 'subscriptions',
        ownerOf: byPractitioner,
        row: (owner) => ({ practitioner_id: owner, plan: 'standard', status: 'canceled' }),
        patch: () => ({ plan: 'premium' }),
      }),
    },
    practitioners: {
      rows: [
        { key: practitioner.id, owners: ['practitioner'], published: true },
        { key: otherPractitioner.id, owners: ['otherPractitioner'], published: false },
      ],
      read: readKeys('practitioners', 'id', [practitioner.id, otherPractitioner.id]),
      // 1:1 with its user: "self" is a new practitioner creating theirs (as the caller's role would),
      // "other" the caller creating one for a practitioner who has none yet.
      insert: async (actor, target) => {
        if (target === 'other') {
          const victim = await user('practitioner');
          return tryInsert(actor, 'practitioners', practitionerProfile(victim.id), { id: victim.id });
        }
        if (!actor.id) return null;
        if (!PRACTITIONERS.includes(actor.role)) {
          return tryInsert(actor, 'practitioners', practitionerProfile(actor.id), { id: actor.id });
        }
        const fresh = await user('practitioner');
        const newcomer = { ...actor, id: fresh.id, client: raw(fresh) };
        return tryInsert(newcomer, 'practitioners', practitionerProfile(fresh.id), { id: fresh.id });
      },
      update: async (actor, target) => {
        const id = practitionerId(actor, target);
        return id ? tryUpdate(actor, 'practitioners', { id }, { bio_fr: marker() }) : null;
      },
      delete: async (actor, target) => {
        const id = practitionerId(actor, target);
        return id ? tryDelete(actor, 'practitioners', { id }) : null;
      },
    },
    practitioner_specialties: {
      rows: [
        { key: `${practitioner.id}:${specA}`, owners: ['practitioner'], published: true },
        { key: `${otherPractitioner.id}:${specB}`, owners: ['otherPractitioner'], published: false },
      ],
      read: async (actor) => {
        const { data, error } = await actor.client
          .from('practitioner_specialties')
          .select('practitioner_id, specialty_id')
          .in('practitioner_id', [practitioner.id, otherPractitioner.id]);
        return {
          keys: (data ?? []).map((r: Row) => `${r.practitioner_id}:${r.specialty_id}`),
          error: asProbe(error, false).error,
        };
      },
      ...standardProbes({
        table: 'practitioner_specialties',
        key: ['practitioner_id', 'specialty_id'],
        ownerOf: byPractitioner,
        row: (owner) => ({ practitioner_id: owner, specialty_id: specC }),
        patch: () => ({ specialty_id: specD }),
      }),
    },
    consultation_types: {
      rows: [
        { key: mine.type, owners: ['practitioner'], published: true },
        { key: inactiveType, owners: ['practitioner'], published: false },
        { key: theirs.type, owners: ['otherPractitioner'], published: false },
      ],
      read: readKeys('consultation_types', 'id', [mine.type, inactiveType, theirs.type]),
      ...standardProbes({
        table: 'consultation_types',
        ownerOf: byPractitioner,
        row: (owner) => ({
          practitioner_id: owner,
          name_fr: 'Sonde',
          duration_minutes: 30,
          price_cents: 5000,
          mode: 'video',
        }),
        patch: () => ({ name_fr: marker() }),
      }),
    },
    companies: {
      rows: [{ key: companyId, owners: ['patient'], published: false }],
      read: readKeys('companies', 'id', [companyId]),
      insert: async (actor, target) => {
        if (target === 'self') return null;
        const name = marker();
        return tryInsert(actor, 'companies', { name, email_domains: [] }, { name });
      },
      update: async (actor, target) => {
        const id = await companyFor(actor, target);
        return id ? tryUpdate(actor, 'companies', { id }, { name: marker() }) : null;
      },
      delete: async (actor, target) => {
        const id = await companyFor(actor, target);
        return id ? tryDelete(actor, 'companies', { id }) : null;
      },
    },
    company_members: {
      rows: [{ key: patient.id, owners: ['patient'], published: false }],
      read: async (actor) => {
        const { data, error } = await actor.client
          .from('company_members')
          .select('user_id')
          .eq('company_id', companyId);
        return { keys: (data ?? []).map((r: Row) => String(r.user_id)), error: asProbe(error, false).error };
      },
      // Memberships of a company made for the probe: the caller's own, or another patient's.
      ...standardProbes({
        table: 'company_members',
        key: ['company_id', 'user_id'],
        ownerOf: (actor, target) =>
          target === 'self' ? (actor.id ? { owner: actor.id } : null) : { owner: otherPatient_(actor) },
        row: (owner) => ({ company_id: probeCompanyId, user_id: owner }),
        patch: () => ({ joined_at: '2001-01-01T00:00:00+00:00' }),
      }),
    },
    company_sponsored_types: {
      rows: [{ key: companyId, owners: ['patient'], published: false }],
      read: readKeys('company_sponsored_types', 'company_id', [companyId]),
      ...standardProbes({
        table: 'company_sponsored_types',
        key: ['company_id', 'consultation_type_id'],
        ownerOf: ownerless,
        row: () => ({ company_id: probeCompanyId, consultation_type_id: typeOf('otherPractitioner') }),
        patch: () => ({ monthly_quota: 5 }),
      }),
    },
    content_pages: {
      rows: [
        { key: pages.published, owners: [], published: true },
        { key: pages.draft, owners: [], published: false },
      ],
      read: readKeys('content_pages', 'id', [pages.published, pages.draft]),
      ...standardProbes({
        table: 'content_pages',
        ownerOf: ownerless,
        row: () => ({ slug: uniqueSlug('probe'), locale: 'en', title: 'Probe', published: true }),
        patch: () => ({ title: marker() }),
      }),
    },
    verification_documents: {
      rows: [
        { key: mine.document, owners: ['practitioner'], published: false },
        { key: theirs.document, owners: ['otherPractitioner'], published: false },
      ],
      read: readKeys('verification_documents', 'id', [mine.document, theirs.document]),
      ...standardProbes({
        table: 'verification_documents',
        ownerOf: byPractitioner,
        row: (owner) => ({
          practitioner_id: owner,
          kind: 'other',
          object_path: `${owner}/${marker()}.pdf`,
          file_name: 'probe.pdf',
          mime_type: 'application/pdf',
          size_bytes: 100,
        }),
        patch: () => ({ file_name: `${marker()}.pdf` }),
      }),
    },
    availability_rules: practitionerTables('availability_rules', schedule.rules, ruleRow, () => ({
      valid_until: '2040-01-01',
    })),
    availability_exceptions: practitionerTables(
      'availability_exceptions',
      schedule.exceptions,
      exceptionRow,
      () => ({
        note: marker(),
      }),
    ),
    external_busy_intervals: practitionerTables('external_busy_intervals', schedule.busy, busyRow, () => ({
      source_id: marker(),
    })),
    appointment_notes: {
      rows: [
        { key: appointmentId, owners: ['practitioner'], published: false },
        { key: otherNoteAppointment, owners: ['otherPractitioner'], published: false },
      ],
      read: readKeys('appointment_notes', 'appointment_id', [appointmentId, otherNoteAppointment]),
      insert: async (actor, target) => {
        const on = await noteAppointmentFor(actor, target);
        if (!on) return null;
        return tryInsert(
          actor,
          'appointment_notes',
          { appointment_id: on.id, body: marker() },
          { appointment_id: on.id },
        );
      },
      update: (actor, target) =>
        onSeededNote(actor, target, async (id) => {
          const body = marker();
          const { error } = await actor.client
            .from('appointment_notes')
            .update({ body })
            .eq('appointment_id', id);
          return asProbe(error, await exists('appointment_notes', { appointment_id: id, body }));
        }),
      delete: (actor, target) =>
        onSeededNote(actor, target, async (id) => {
          const { error } = await actor.client.from('appointment_notes').delete().eq('appointment_id', id);
          return asProbe(error, !(await exists('appointment_notes', { appointment_id: id })));
        }),
    },
    care_types: {
      rows: [{ key: careTypeId, owners: [], published: true }],
      read: readKeys('care_types', 'id', [careTypeId]),
      ...standardProbes({
        table: 'care_types',
        ownerOf: ownerless,
        row: () => ({
          profession_code: professionCode,
          code: `rls_${uniqueLetters()}`,
          name_fr: 'Soin',
          name_en: 'Care',
          duration_minutes: 20,
        }),
        patch: () => ({ name_en: marker() }),
      }),
    },
    home_visit_settings: {
      rows: [],
      read: readKeys('home_visit_settings', 'practitioner_id', [practitioner.id, otherPractitioner.id]),
      ...standardProbes({
        table: 'home_visit_settings',
        key: ['practitioner_id'],
        // Rows belong to practitioners: one's own, or the other practitioner's.
        ownerOf: (actor, target) =>
          target === 'self'
            ? PRACTITIONERS.includes(actor.role)
              ? { owner: idOf(actor.role) }
              : null
            : { owner: idOf(otherOf(actor, PRACTITIONERS)) },
        row: (owner) => ({ practitioner_id: owner, enabled: false, radius_km: 12 }),
        patch: () => ({ radius_km: 37 }),
      }),
    },
    home_care_requests: {
      rows: [{ key: homeCareId, owners: ['patient', 'practitioner'], published: false }],
      read: readKeys('home_care_requests', 'id', [homeCareId]),
      ...homeCareWritesDenied(
        'home_care_requests',
        homeCareId,
        () => ({
          patient_id: otherPatient.id,
          care_type_id: careTypeId,
          for_whom: 'self',
          care_recipient_name: 'Forged',
          contact_phone: '+33600000001',
          address: 'Forged street',
          latitude: 45,
          longitude: 4,
          daily_windows: ['09:00-12:00'],
          first_day: '2031-06-03',
        }),
        () => ({ notes: marker() }),
      ),
    },
    home_care_visits: {
      rows: [{ key: homeVisitId, owners: ['patient', 'practitioner'], published: false }],
      read: readKeys('home_care_visits', 'id', [homeVisitId]),
      ...homeCareWritesDenied(
        'home_care_visits',
        homeVisitId,
        () => ({
          request_id: homeCareId,
          seq: 50,
          time_window: '[2031-06-03T07:00:00Z,2031-06-03T10:00:00Z)',
        }),
        () => ({ seq: 77 }),
      ),
    },
    home_care_offers: {
      rows: [
        { key: offerIds[0]!, owners: ['practitioner', 'patient'], published: false },
        { key: offerIds[1]!, owners: ['otherPractitioner', 'patient'], published: false },
      ],
      read: readKeys('home_care_offers', 'id', offerIds),
      ...homeCareWritesDenied(
        'home_care_offers',
        offerIds[1]!,
        () => ({ request_id: homeCareId, practitioner_id: otherPractitioner.id, wave: 9, rank: 9 }),
        () => ({ rank: 42 }),
      ),
    },
    appointments: {
      rows: [{ key: appointmentId, owners: ['patient', 'practitioner'], published: false }],
      read: readKeys('appointments', 'id', [appointmentId]),
      ...standardProbes({
        table: 'appointments',
        ownerOf: appointmentOwner,
        // The caller as patient or practitioner ("self"), or two other people.
        row: (_owner, actor, target) => appointmentFor(actor, target),
        patch: () => ({ cancel_reason: marker() }),
      }),
    },
  };

  const buckets: Record<BucketName, Adapter> = {
    'verification-documents': bucketAdapter({
      bucket: 'verification-documents',
      files: {
        [`${practitioner.id}/diploma.pdf`]: 'practitioner',
        [`${otherPractitioner.id}/diploma.pdf`]: 'otherPractitioner',
      },
      published: false,
      body: pdf,
      contentType: 'application/pdf',
      ext: 'pdf',
      canRead: async (actor, path) =>
        !(await actor.client.storage.from('verification-documents').download(path)).error,
      folderOf: (actor, target) => (target === 'self' ? actor.id : idOf(otherOf(actor, PRACTITIONERS))),
    }),
    // The patient's file, read by the practitioner who accepted the request that names it too.
    prescriptions: {
      ...bucketAdapter({
        bucket: 'prescriptions',
        files: { [prescriptionPath]: 'patient' },
        published: false,
        body: pdf,
        contentType: 'application/pdf',
        ext: 'pdf',
        canRead: async (actor, path) =>
          !(await actor.client.storage.from('prescriptions').download(path)).error,
        folderOf: (actor, target) =>
          target === 'self' ? (actor.id ?? null) : idOf(otherOf(actor, PATIENTS)),
      }),
      rows: [{ key: prescriptionPath, owners: ['patient', 'practitioner'], published: false }],
    },
    avatars: bucketAdapter({
      bucket: 'avatars',
      files: { [`${practitioner.id}/avatar.png`]: 'practitioner', [`${patient.id}/avatar.png`]: 'patient' },
      published: true,
      body: png,
      contentType: 'image/png',
      ext: 'png',
      // What a browser does with a profile photo: GET the public URL, without credentials.
      canRead: async (_actor, path) =>
        (await fetch(`${config.apiUrl}/storage/v1/object/public/avatars/${path}`)).status === 200,
      folderOf: (actor, target) =>
        target === 'self' ? actor.id : idOf(otherOf(actor, ['patient', 'practitioner'])),
    }),
  };

  return { actors, relations, buckets };
}
