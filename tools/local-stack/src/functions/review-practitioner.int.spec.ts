// review-practitioner through the whole stack: gateway -> runtime (verify_jwt) -> function ->
// PostgREST with the caller's JWT, where RLS, the verification trigger, the audit log and the
// outbox decide and record. Also checks that libs/domain and the database agree on registration
// numbers, since the forms validate with the one and the database refuses with the other.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { REGISTRIES, rppsCheckDigit, validateRegistrationNumber } from '@carebook/domain';
import {
  config,
  createPractitionerProfile,
  service,
  submit,
  user,
  type TestUser,
  type UserRole,
} from '@carebook/testing';

const admin = service();
const functionUrl = `${config.apiUrl}/functions/v1/review-practitioner`;
const created: string[] = [];

afterAll(async () => {
  for (const id of created) await admin.auth.admin.deleteUser(id);
});

/** A practitioner who wrote their own profile (as themselves) and, unless told, submitted it. */
async function practitioner(submitIt = true): Promise<TestUser> {
  const pro = await user('practitioner');
  created.push(pro.id);
  await createPractitionerProfile(pro, {
    slug: `review-${pro.id}`,
    display_name: 'Camille Review',
    registration_number: '751234567',
  });
  if (submitIt) await submit(pro);
  return pro;
}

/** A signed-in user made by the test kit, deleted again after this file. */
async function throwaway(role: UserRole): Promise<TestUser> {
  const made = await user(role);
  created.push(made.id);
  return made;
}

async function call(
  token: string,
  method: 'GET' | 'POST',
  path = '',
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${functionUrl}${path}`, {
    method,
    headers: { apikey: config.anonKey, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function row(id: string): Promise<Record<string, unknown>> {
  const { data, error } = await admin.from('practitioners').select('*').eq('id', id).single();
  if (error) throw error;
  return data as Record<string, unknown>;
}

async function auditRows(table: string, recordId: string): Promise<Record<string, unknown>[]> {
  const { data, error } = await admin
    .from('audit_log')
    .select('*')
    .eq('table_name', table)
    .eq('record_id', recordId)
    .order('id');
  if (error) throw error;
  return data as Record<string, unknown>[];
}

async function outboxRows(practitionerId: string): Promise<Record<string, unknown>[]> {
  const { data, error } = await admin
    .from('outbox')
    .select('*')
    .eq('payload->>practitioner_id', practitionerId)
    .order('id');
  if (error) throw error;
  return data as Record<string, unknown>[];
}

describe('review-practitioner decisions', () => {
  let staff: TestUser;
  beforeAll(async () => {
    staff = await throwaway('staff');
  });

  it('approves a submitted practitioner: the row, one audit row and one outbox row, in the database', async () => {
    const pro = await practitioner();
    const auditBefore = await auditRows('practitioners', pro.id);
    const outboxBefore = await outboxRows(pro.id);

    // The way the staff screen calls it.
    const { data, error } = await staff.client.functions.invoke('review-practitioner', {
      body: { practitioner_id: pro.id, action: 'approve' },
    });
    expect(error).toBeNull();
    expect(data.practitioner).toMatchObject({
      id: pro.id,
      verification_status: 'verified',
      status_reason: null,
    });

    const after = await row(pro.id);
    expect(after).toMatchObject({ verification_status: 'verified', published: false });
    expect(after.verified_at).toEqual(expect.any(String));

    const audit = (await auditRows('practitioners', pro.id)).slice(auditBefore.length);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: staff.id,
      actor_role: 'authenticated',
      action: 'verification_changed',
      old_values: { verification_status: 'submitted' },
      new_values: { verification_status: 'verified', status_reason: null },
    });
    const outbox = (await outboxRows(pro.id)).slice(outboxBefore.length);
    expect(outbox).toHaveLength(1);
    // Not its status: the notify job (run by other test files) may already have taken it.
    expect(outbox[0]).toMatchObject({
      topic: 'practitioner.verification.verified',
      payload: { practitioner_id: pro.id, from: 'submitted', to: 'verified', reason: null },
    });
  });

  it('rejects with the reason given, then suspends and reinstates a verified one', async () => {
    const [rejected, pro] = await Promise.all([practitioner(), practitioner()]);
    const reject = await call(staff.accessToken, 'POST', '', {
      practitioner_id: rejected.id,
      action: 'reject',
      reason: '  The diploma is unreadable. ',
    });
    expect(reject.status).toBe(200);
    expect(await row(rejected.id)).toMatchObject({
      verification_status: 'rejected',
      status_reason: 'The diploma is unreadable.',
    });
    expect((await outboxRows(rejected.id)).at(-1)).toMatchObject({
      topic: 'practitioner.verification.rejected',
      payload: { reason: 'The diploma is unreadable.' },
    });

    const steps = [
      { action: 'approve', status: 'verified' },
      { action: 'suspend', reason: 'Registration struck off', status: 'suspended' },
      { action: 'reinstate', status: 'verified' },
    ];
    for (const { action, reason, status } of steps) {
      const res = await call(staff.accessToken, 'POST', '', { practitioner_id: pro.id, action, reason });
      expect(res.status, action).toBe(200);
      expect((res.body.practitioner as Record<string, unknown>).verification_status).toBe(status);
    }
    const moves = (await auditRows('practitioners', pro.id)).map(
      (a) => (a.new_values as Record<string, unknown>).verification_status,
    );
    expect(moves).toEqual(['submitted', 'verified', 'suspended', 'verified']);
  });

  it('answers 403 to signed-in people who are not staff, before anything changes', async () => {
    const [pro, patient] = await Promise.all([practitioner(), throwaway('patient')]);
    for (const caller of [pro, patient]) {
      const res = await call(caller.accessToken, 'POST', '', { practitioner_id: pro.id, action: 'approve' });
      expect(res).toEqual({
        status: 403,
        body: { error: { code: 'staff_only', message: 'Only staff can review practitioners.' } },
      });
    }
    expect(await row(pro.id)).toMatchObject({ verification_status: 'submitted' });
    expect(await auditRows('practitioners', pro.id)).toHaveLength(1); // the submission only
  });

  it('answers 401 to the anon key: a valid JWT that names nobody', async () => {
    const res = await call(config.anonKey, 'POST', '', {});
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'not_authenticated' } });
  });

  it('refuses illegal moves with 409 and the database message, and changes nothing', async () => {
    const [draft, submitted] = await Promise.all([practitioner(false), practitioner()]);
    const cases = [
      { who: draft, action: 'approve', message: 'Cannot approve a draft profile' },
      { who: submitted, action: 'reinstate', message: 'Cannot reinstate a submitted profile' },
      {
        who: submitted,
        action: 'suspend',
        reason: 'Too early',
        message: 'Cannot suspend a submitted profile',
      },
      { who: draft, action: 'reject', reason: 'Not submitted', message: 'Cannot reject a draft profile' },
    ];
    for (const { who, action, reason, message } of cases) {
      const before = await row(who.id);
      const audit = (await auditRows('practitioners', who.id)).length;
      const outbox = (await outboxRows(who.id)).length;
      const res = await call(staff.accessToken, 'POST', '', { practitioner_id: who.id, action, reason });
      expect(res.status, action).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'illegal_transition',
        message,
        hint: expect.stringMatching(/\w/),
      });
      expect(await row(who.id)).toEqual(before);
      expect(await auditRows('practitioners', who.id)).toHaveLength(audit);
      expect(await outboxRows(who.id)).toHaveLength(outbox);
    }
  });

  it('answers 400 with field errors, and 404 for a practitioner that does not exist', async () => {
    const pro = await practitioner();
    const invalid = await call(staff.accessToken, 'POST', '', {
      practitioner_id: pro.id,
      action: 'reject',
      reason: ' ',
    });
    expect(invalid).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_input',
          message: 'Invalid request: reason is required.',
          fields: { reason: 'required' },
        },
      },
    });
    expect(await row(pro.id)).toMatchObject({ verification_status: 'submitted' });

    const ghost = randomUUID();
    const missing = await call(staff.accessToken, 'POST', '', { practitioner_id: ghost, action: 'approve' });
    expect(missing).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: `No practitioner ${ghost}` } },
    });
  });
});

describe('review-practitioner documents', () => {
  const pdf = new TextEncoder().encode(`%PDF-1.4\n% diploma ${randomUUID()}\n%%EOF\n`);

  /** A draft practitioner's uploaded diploma and its metadata row, both written as the practitioner. */
  async function uploadedDocument(): Promise<{ pro: TestUser; documentId: string; objectPath: string }> {
    const pro = await practitioner(false);
    const objectPath = `${pro.id}/x.pdf`;
    const upload = await pro.client.storage
      .from('verification-documents')
      .upload(objectPath, pdf, { contentType: 'application/pdf' });
    if (upload.error) throw upload.error;
    const { data, error } = await pro.client
      .from('verification_documents')
      .insert({
        practitioner_id: pro.id,
        kind: 'diploma',
        object_path: objectPath,
        file_name: 'x.pdf',
        mime_type: 'application/pdf',
        size_bytes: pdf.byteLength,
      })
      .select('id')
      .single();
    if (error) throw error;
    return { pro, documentId: data.id as string, objectPath };
  }

  const reads = async (documentId: string) =>
    (await auditRows('verification_documents', documentId)).filter(
      (a) => a.action === 'verification_document_read',
    );

  it('gives staff a 60 s signed URL that serves the file, and audits the read', async () => {
    const [staff, { pro, documentId, objectPath }] = await Promise.all([
      throwaway('staff'),
      uploadedDocument(),
    ]);

    const res = await call(staff.accessToken, 'GET', `/documents/${documentId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      url: expect.stringContaining(`${config.apiUrl}/storage/v1/object/sign/`),
      expires_in: 60,
    });

    const file = await fetch(res.body.url as string);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);

    const audit = await reads(documentId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: staff.id,
      details: { practitioner_id: pro.id, object_path: objectPath },
    });
  });

  it('answers 403 to non-staff without auditing a read, and 404 to an unknown document', async () => {
    const [staff, { pro, documentId }, other] = await Promise.all([
      throwaway('staff'),
      uploadedDocument(),
      throwaway('practitioner'),
    ]);
    for (const caller of [pro, other]) {
      const res = await call(caller.accessToken, 'GET', `/documents/${documentId}`);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'staff_only' } });
    }
    expect(await reads(documentId)).toHaveLength(0);

    const missing = await call(staff.accessToken, 'GET', `/documents/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('registration numbers: libs/domain and the database agree', () => {
  /** Small seeded generator (mulberry32), so a failure names numbers that come back on the next run. */
  function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function candidates(): string[] {
    const next = random(20261121);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
    const values: string[] = ['', ' ', '00000000000', '000000000'];
    for (let i = 0; i < 100; i++) {
      const firstTen = digits(10);
      const valid = `${firstTen}${rppsCheckDigit(firstTen)}`;
      const position = Math.floor(next() * 11);
      const typo = `${valid.slice(0, position)}${(Number(valid[position]) + 1 + Math.floor(next() * 9)) % 10}${valid.slice(position + 1)}`;
      values.push(valid, typo, digits(8 + Math.floor(next() * 5)), digits(9));
    }
    for (let i = 0; i < 40; i++) {
      const firstTen = digits(10);
      const valid = `${firstTen}${rppsCheckDigit(firstTen)}`;
      // What people type: groups with spaces, a letter, a dash.
      values.push(
        `${valid.slice(0, 3)} ${valid.slice(3, 7)}\u00a0${valid.slice(7)}`,
        `${digits(8)}O`,
        `${digits(4)}-${digits(5)}`,
      );
    }
    return values;
  }

  it('gives the same verdict for every registry on a few hundred generated numbers', async () => {
    const values = candidates();
    const registries: string[] = [];
    const inputs: string[] = [];
    for (const registry of REGISTRIES) {
      for (const value of values) {
        registries.push(registry);
        inputs.push(value);
      }
    }
    const client = new pg.Client({ connectionString: config.dbUrl('postgres') });
    await client.connect();
    try {
      // The database sees what the apps store: the number with its spaces removed.
      const cleaned = inputs.map((v) => v.replace(/\s+/g, ''));
      const { rows } = await client.query<{ valid: boolean }>(
        'select private.is_valid_registration(r, v) as valid from unnest($1::text[], $2::text[]) with ordinality as t(r, v, n) order by n',
        [registries, cleaned],
      );
      const disagreements = inputs
        .map((value, i) => ({
          registry: registries[i] as (typeof REGISTRIES)[number],
          value,
          database: rows[i]?.valid,
          domain: validateRegistrationNumber(registries[i] as (typeof REGISTRIES)[number], value).ok,
        }))
        .filter((c) => c.database !== c.domain);
      expect(disagreements).toEqual([]);
      expect(rows).toHaveLength(values.length * REGISTRIES.length);
      // Both verdicts occur for RPPS and ADELI, so agreement is not agreement on "always false".
      for (const registry of ['rpps', 'adeli']) {
        const verdicts = new Set(rows.filter((_, i) => registries[i] === registry).map((r) => r.valid));
        expect(verdicts, registry).toEqual(new Set([true, false]));
      }
    } finally {
      await client.end();
    }
  });
});
