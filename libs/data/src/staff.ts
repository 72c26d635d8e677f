// The staff desk: who is staff, the verification queue and directory (searched and paginated by
// the database: staff_practitioners), a profile under review with its documents (opened through
// review-practitioner, which audits every view and signs a 60 s URL), decisions, the history and
// audit trail, and the failures to look at. Everything here is refused by the server to non-staff;
// nothing is filtered for security in the browser.
import type { Json, Registry, ReviewAction, SubscriptionStatus, VerificationStatus } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { callFunction } from './functions.ts';
import { refuse, run, runMapped } from './query.ts';
import { ok, type Result } from './result.ts';

/** Whether the signed-in person is staff (staff_members, read by the server). */
export function amIStaff(client: CarebookClient): Promise<Result<boolean>> {
  return runMapped(client.rpc('am_i_staff'), 'am_i_staff', (v) => v === true);
}

export interface StaffPractitioner {
  id: string;
  slug: string;
  displayName: string;
  professionCode: string;
  registrationNumber: string | null;
  status: VerificationStatus;
  statusReason: string | null;
  submittedAt: string | null;
  verifiedAt: string | null;
  published: boolean;
  email: string | null;
  subscriptionStatus: SubscriptionStatus | null;
}

export interface StaffPractitionerQuery {
  text?: string;
  status?: VerificationStatus | null;
  profession?: string | null;
  /** Submitted first, longest waiting first; else by name. */
  queue?: boolean;
  limit: number;
  offset: number;
}

export const STAFF_SEARCH_MAX = 200;

/** One page of practitioners and the number of all that match. */
export async function listStaffPractitioners(
  client: CarebookClient,
  query: StaffPractitionerQuery,
): Promise<Result<{ rows: StaffPractitioner[]; total: number }>> {
  const text = query.text?.trim() ?? '';
  if (text.length > STAFF_SEARCH_MAX) return refuse('text_too_long', 'search text too long');
  return runMapped(
    client.rpc('staff_practitioners', {
      ...(text && { p_text: text }),
      ...(query.status && { p_status: query.status }),
      ...(query.profession && { p_profession: query.profession }),
      p_queue: query.queue ?? false,
      p_limit: query.limit,
      p_offset: query.offset,
    }),
    'staff_practitioners',
    (rows) => ({
      total: rows[0]?.total_count ?? 0,
      rows: rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        displayName: r.display_name,
        professionCode: r.profession_code,
        registrationNumber: r.registration_number ?? null,
        status: r.verification_status,
        statusReason: r.status_reason ?? null,
        submittedAt: r.submitted_at ?? null,
        verifiedAt: r.verified_at ?? null,
        published: r.published,
        email: r.email ?? null,
        subscriptionStatus: r.subscription_status ?? null,
      })),
    }),
  );
}

export interface DeskCounts {
  verification: Partial<Record<VerificationStatus, number>>;
  oldestSubmittedAt: string | null;
  deadDeliveries: number;
  failingDeliveries: number;
  failedPayments: number;
  failedRefunds: number;
  subscriptionsInTrouble: number;
}

const num = (v: Json | undefined): number => (typeof v === 'number' ? v : 0);

export function toDeskCounts(data: Json): DeskCounts | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const verification = data.verification;
  if (typeof verification !== 'object' || verification === null || Array.isArray(verification)) return null;
  const counts: DeskCounts['verification'] = {};
  for (const [status, n] of Object.entries(verification)) counts[status as VerificationStatus] = num(n);
  return {
    verification: counts,
    oldestSubmittedAt: typeof data.oldest_submitted_at === 'string' ? data.oldest_submitted_at : null,
    deadDeliveries: num(data.dead_deliveries),
    failingDeliveries: num(data.failing_deliveries),
    failedPayments: num(data.failed_payments),
    failedRefunds: num(data.failed_refunds),
    subscriptionsInTrouble: num(data.subscriptions_in_trouble),
  };
}

/** Profiles per state and the failures waiting, for the desk's home. */
export async function getDeskCounts(client: CarebookClient): Promise<Result<DeskCounts>> {
  const result = await run(client.rpc('staff_desk_counts'), 'staff_desk_counts');
  if (!result.ok) return result;
  const counts = toDeskCounts(result.data);
  return counts ? ok(counts) : { ok: false, error: { code: 'unexpected_data', message: 'desk counts' } };
}

export interface ReviewDocument {
  id: string;
  kind: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface ProfileUnderReview extends StaffPractitioner {
  profession: { code: string; name: { fr: string; en: string }; registry: Registry };
  bio: { fr: string | null; en: string | null };
  languages: string[];
  modes: string[];
  address: string | null;
  timeZone: string;
  specialties: { fr: string; en: string }[];
  documents: ReviewDocument[];
}

const REVIEW_COLUMNS =
  'id, slug, display_name, profession_code, registration_number, verification_status, status_reason, submitted_at, verified_at, published, bio_fr, bio_en, languages, modes, formatted_address, time_zone, professions(name_fr, name_en, registry), practitioner_specialties(specialties(name_fr, name_en)), verification_documents(id, kind, file_name, mime_type, size_bytes, created_at)';

/** A practitioner's whole profile as staff see it, with the list of their documents. */
export async function getProfileForReview(
  client: CarebookClient,
  id: string,
): Promise<Result<ProfileUnderReview>> {
  const [found, extra] = await Promise.all([
    run(client.from('practitioners').select(REVIEW_COLUMNS).eq('id', id).maybeSingle(), `practitioner ${id}`),
    run(
      client
        .from('subscriptions')
        .select('status')
        .eq('practitioner_id', id)
        .order('updated_at', { ascending: false })
        .limit(1),
      'subscription',
    ),
  ]);
  if (!found.ok) return found;
  const email = await run(client.from('profiles').select('email').eq('id', id).maybeSingle(), 'profile');
  const r = found.data;
  return ok({
    id: r.id,
    slug: r.slug,
    displayName: r.display_name,
    professionCode: r.profession_code,
    registrationNumber: r.registration_number,
    status: r.verification_status,
    statusReason: r.status_reason,
    submittedAt: r.submitted_at,
    verifiedAt: r.verified_at,
    published: r.published,
    email: email.ok ? email.data.email : null,
    subscriptionStatus: extra.ok ? (extra.data[0]?.status ?? null) : null,
    profession: {
      code: r.profession_code,
      name: {
        fr: r.professions?.name_fr ?? r.profession_code,
        en: r.professions?.name_en ?? r.profession_code,
      },
      registry: r.professions?.registry ?? 'none',
    },
    bio: { fr: r.bio_fr, en: r.bio_en },
    languages: r.languages,
    modes: r.modes,
    address: r.formatted_address,
    timeZone: r.time_zone,
    specialties: r.practitioner_specialties.flatMap((ps) =>
      ps.specialties ? [{ fr: ps.specialties.name_fr, en: ps.specialties.name_en }] : [],
    ),
    documents: r.verification_documents
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        fileName: d.file_name,
        mimeType: d.mime_type,
        sizeBytes: d.size_bytes,
        createdAt: d.created_at,
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  });
}

export interface ReviewDecision {
  practitionerId: string;
  action: ReviewAction;
  reason?: string;
  /** The state the reviewer saw: a decision on a profile that moved since is refused (stale_review). */
  expectedStatus: VerificationStatus;
}

/** Approve, reject, suspend or reinstate through review-practitioner; the new state on success. */
export function decideOnPractitioner(
  client: CarebookClient,
  decision: ReviewDecision,
): Promise<Result<{ status: VerificationStatus; published: boolean }>> {
  return callFunction(
    client,
    'review-practitioner',
    {
      method: 'POST',
      body: {
        practitioner_id: decision.practitionerId,
        action: decision.action,
        ...(decision.reason !== undefined && { reason: decision.reason }),
        expected_status: decision.expectedStatus,
      },
    },
    (data) => {
      const p = (data as { practitioner?: { verification_status?: unknown; published?: unknown } } | null)
        ?.practitioner;
      return typeof p?.verification_status === 'string' && typeof p.published === 'boolean'
        ? { status: p.verification_status as VerificationStatus, published: p.published }
        : null;
    },
  );
}

/** A short-lived signed URL to a document's file; the server writes one audit row per call. */
export function openVerificationDocument(
  client: CarebookClient,
  documentId: string,
): Promise<Result<{ url: string; expiresIn: number }>> {
  return callFunction(client, `review-practitioner/documents/${documentId}`, { method: 'GET' }, (data) => {
    const d = data as { url?: unknown; expires_in?: unknown } | null;
    return typeof d?.url === 'string' && typeof d.expires_in === 'number'
      ? { url: d.url, expiresIn: d.expires_in }
      : null;
  });
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string;
  action: string;
  tableName: string;
  recordId: string;
  oldValues: Json;
  newValues: Json;
  details: Json;
}

export interface AuditQuery {
  action?: string | null;
  tableName?: string | null;
  recordId?: string | null;
  /** Entries about one practitioner: their profile's and their documents'. */
  practitionerId?: string | null;
  actorId?: string | null;
  from?: string | null;
  to?: string | null;
  limit: number;
  offset: number;
}

/** Audit entries, newest first, with the total matching; read-only by construction (append-only table). */
export async function listAuditEntries(
  client: CarebookClient,
  query: AuditQuery,
): Promise<Result<{ rows: AuditEntry[]; total: number }>> {
  let request = client
    .from('audit_log')
    .select('id, at, actor_id, actor_role, action, table_name, record_id, old_values, new_values, details', {
      count: 'exact',
    });
  if (query.action) request = request.eq('action', query.action);
  if (query.tableName) request = request.eq('table_name', query.tableName);
  if (query.recordId) request = request.eq('record_id', query.recordId);
  if (query.actorId) request = request.eq('actor_id', query.actorId);
  if (query.practitionerId) {
    const id = query.practitionerId;
    request = request.or(`record_id.eq.${id},details->>practitioner_id.eq.${id}`);
  }
  if (query.from) request = request.gte('at', query.from);
  if (query.to) request = request.lt('at', query.to);
  try {
    const { data, error, count, status } = await request
      .order('id', { ascending: false })
      .range(query.offset, query.offset + query.limit - 1);
    if (error) return run(Promise.resolve({ data: null, error, status }), 'audit_log');
    const actorIds = [...new Set((data ?? []).flatMap((r) => (r.actor_id ? [r.actor_id] : [])))];
    const emails = new Map<string, string | null>();
    if (actorIds.length) {
      const people = await run(client.from('profiles').select('id, email').in('id', actorIds), 'profiles');
      if (people.ok) for (const p of people.data) emails.set(p.id, p.email);
    }
    return ok({
      total: count ?? 0,
      rows: (data ?? []).map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorEmail: r.actor_id ? (emails.get(r.actor_id) ?? null) : null,
        actorRole: r.actor_role,
        action: r.action,
        tableName: r.table_name,
        recordId: r.record_id,
        oldValues: r.old_values,
        newValues: r.new_values,
        details: r.details,
      })),
    });
  } catch (error) {
    return { ok: false, error: { code: 'network', message: String(error) } };
  }
}

export interface DeliveryProblem {
  id: string;
  status: 'dead' | 'pending';
  channel: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  topic: string | null;
  recipientId: string;
  recipientEmail: string | null;
}

/** Dead deliveries and pending ones whose last attempt failed, newest first. */
export function listDeliveryProblems(client: CarebookClient, limit = 50): Promise<Result<DeliveryProblem[]>> {
  return runMapped(
    client
      .from('deliveries')
      .select(
        'id, status, channel, attempts, last_error, next_attempt_at, created_at, recipient_id, outbox(topic), profiles(email)',
      )
      .or('status.eq.dead,and(status.eq.pending,last_error.not.is.null)')
      .order('created_at', { ascending: false })
      .limit(limit),
    'deliveries',
    (rows) =>
      rows.map((r) => ({
        id: r.id,
        status: r.status === 'dead' ? 'dead' : 'pending',
        channel: r.channel,
        attempts: r.attempts,
        lastError: r.last_error,
        nextAttemptAt: r.next_attempt_at,
        createdAt: r.created_at,
        topic: r.outbox?.topic ?? null,
        recipientId: r.recipient_id,
        recipientEmail: r.profiles?.email ?? null,
      })),
  );
}

/** Sends a dead or failing delivery again on the notify job's next tick (audited). */
export function retryDelivery(client: CarebookClient, id: string): Promise<Result<{ status: string }>> {
  return runMapped(client.rpc('staff_retry_delivery', { p_delivery_id: id }), 'retry', (d) => ({
    status: d.status,
  }));
}

export interface PaymentProblem {
  id: string;
  status: 'failed' | 'refund_failed';
  amountCents: number;
  currency: string;
  lastError: string | null;
  updatedAt: string;
  appointmentId: string;
  appointmentStartsAt: string | null;
  practitionerId: string;
  practitionerName: string | null;
  patientEmail: string | null;
}

/** Failed payments and refunds that failed, newest first. */
export function listPaymentProblems(client: CarebookClient, limit = 50): Promise<Result<PaymentProblem[]>> {
  return runMapped(
    client
      .from('payments')
      .select(
        'id, status, amount_cents, currency, last_error, updated_at, appointment_id, practitioner_id, appointments(starts_at), practitioners(display_name), profiles(email)',
      )
      .in('status', ['failed', 'refund_failed'])
      .order('updated_at', { ascending: false })
      .limit(limit),
    'payments',
    (rows) =>
      rows.map((r) => ({
        id: r.id,
        status: r.status === 'failed' ? 'failed' : 'refund_failed',
        amountCents: r.amount_cents,
        currency: r.currency,
        lastError: r.last_error,
        updatedAt: r.updated_at,
        appointmentId: r.appointment_id,
        appointmentStartsAt: r.appointments?.starts_at ?? null,
        practitionerId: r.practitioner_id,
        practitionerName: r.practitioners?.display_name ?? null,
        patientEmail: r.profiles?.email ?? null,
      })),
  );
}

export interface SubscriptionProblem {
  id: string;
  practitionerId: string;
  practitionerEmail: string | null;
  plan: string;
  status: SubscriptionStatus;
  pastDueSince: string | null;
  currentPeriodEnd: string | null;
}

export const TROUBLED_SUBSCRIPTION_STATUSES = [
  'past_due',
  'unpaid',
  'incomplete',
  'incomplete_expired',
] as const;

/** Subscriptions whose payments are not going through. */
export function listSubscriptionProblems(
  client: CarebookClient,
  limit = 50,
): Promise<Result<SubscriptionProblem[]>> {
  return runMapped(
    client
      .from('subscriptions')
      .select('id, practitioner_id, plan, status, past_due_since, current_period_end, profiles(email)')
      .in('status', [...TROUBLED_SUBSCRIPTION_STATUSES])
      .order('updated_at', { ascending: false })
      .limit(limit),
    'subscriptions',
    (rows) =>
      rows.map((r) => ({
        id: r.id,
        practitionerId: r.practitioner_id,
        practitionerEmail: r.profiles?.email ?? null,
        plan: r.plan,
        status: r.status,
        pastDueSince: r.past_due_since,
        currentPeriodEnd: r.current_period_end,
      })),
  );
}
