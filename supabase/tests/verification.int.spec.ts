// The verification state machine through the API: draft -> submitted -> verified | rejected(reason),
// rejected -> submitted, verified -> suspended(reason) -> verified. The owner submits, only staff
// decide (review_practitioner), every decision writes one audit row and one outbox message in the
// same transaction, and an illegal move is refused with a clear message while nothing changes.
import { describe, expect, it } from 'vitest';
import {
  advance,
  anon,
  createPractitionerProfile,
  practitioner,
  service,
  type TestUser,
  user,
} from '@carebook/testing';
import type { ReviewAction, VerificationStatus } from '@carebook/domain';

type Status = VerificationStatus;

async function practitionerIn(status: Status): Promise<TestUser> {
  const user = await practitioner();
  await createPractitionerProfile(user);
  const path: Record<Status, Parameters<typeof advance>[1][]> = {
    draft: [],
    submitted: ['submitted'],
    verified: ['submitted', 'verified'],
    rejected: ['submitted', { status: 'rejected', reason: 'Diplôme illisible' }],
    suspended: ['submitted', 'verified', { status: 'suspended', reason: 'Plainte en cours' }],
  };
  if (path[status].length) await advance(user.id, ...path[status]);
  return user;
}

/** Everything a refused move must leave untouched: the row, its audit trail and its messages. */
async function snapshot(id: string) {
  const admin = service();
  const row = await admin.from('practitioners').select('*').eq('id', id).single();
  const audit = await admin
    .from('audit_log')
    .select('id')
    .eq('table_name', 'practitioners')
    .eq('record_id', id);
  const outbox = await admin.from('outbox').select('id').eq('payload->>practitioner_id', id);
  return { row: row.data, audit: audit.data?.length, outbox: outbox.data?.length };
}

async function decisionRows(id: string, since: number) {
  const admin = service();
  const audit = await admin
    .from('audit_log')
    .select('*')
    .eq('table_name', 'practitioners')
    .eq('record_id', id)
    .gt('id', since)
    .order('id');
  const outbox = await admin.from('outbox').select('*').eq('payload->>practitioner_id', id).order('id');
  return { audit: audit.data ?? [], outbox: outbox.data ?? [] };
}

async function lastAuditId(): Promise<number> {
  const { data } = await service().from('audit_log').select('id').order('id', { ascending: false }).limit(1);
  return data?.[0]?.id ?? 0;
}

const review = (staff: TestUser, id: string, action: ReviewAction, reason?: string) =>
  staff.client.rpc('review_practitioner', {
    p_practitioner_id: id,
    p_action: action,
    ...(reason === undefined ? {} : { p_reason: reason }),
  });

describe('verification', () => {
  it('goes draft -> submitted by the owner, then verified by staff, each step audited and announced once', async () => {
    const owner = await practitionerIn('draft');
    const staff = await user('staff');
    const before = await lastAuditId();

    const submitted = await owner.client
      .from('practitioners')
      .update({ verification_status: 'submitted' })
      .eq('id', owner.id)
      .select()
      .single();
    expect(submitted.error).toBeNull();
    expect(submitted.data).toMatchObject({
      verification_status: 'submitted',
      status_reason: null,
      published: false,
    });
    expect(submitted.data?.submitted_at).toEqual(expect.any(String));

    const approved = await review(staff, owner.id, 'approve');
    expect(approved.error).toBeNull();
    expect(approved.data).toMatchObject({
      id: owner.id,
      verification_status: 'verified',
      status_reason: null,
    });
    expect(approved.data?.verified_at).toEqual(expect.any(String));

    const { audit, outbox } = await decisionRows(owner.id, before);
    expect(audit.map((a) => [a.actor_id, a.action, a.old_values, a.new_values])).toEqual([
      [
        owner.id,
        'verification_changed',
        { verification_status: 'draft' },
        { verification_status: 'submitted', status_reason: null },
      ],
      [
        staff.id,
        'verification_changed',
        { verification_status: 'submitted' },
        { verification_status: 'verified', status_reason: null },
      ],
    ]);
    expect(audit.every((a) => a.actor_role === 'authenticated')).toBe(true);
    // No status here: the notify job (run by other test files) may already have taken the messages.
    expect(
      outbox.map((m) => [
        m.topic,
        (m.payload as Record<string, unknown>).from,
        (m.payload as Record<string, unknown>).to,
      ]),
    ).toEqual([
      ['practitioner.verification.submitted', 'draft', 'submitted'],
      ['practitioner.verification.verified', 'submitted', 'verified'],
    ]);
  });

  it('rejects with a reason, lets the owner fix and resubmit, and clears the reason', async () => {
    const owner = await practitionerIn('submitted');
    const staff = await user('staff');
    const rejected = await review(staff, owner.id, 'reject', '  Numéro ADELI introuvable  ');
    expect(rejected.error).toBeNull();
    expect(rejected.data).toMatchObject({
      verification_status: 'rejected',
      status_reason: 'Numéro ADELI introuvable',
    });

    const own = await owner.client
      .from('practitioners')
      .select('verification_status, status_reason')
      .eq('id', owner.id)
      .single();
    expect(own.data).toEqual({ verification_status: 'rejected', status_reason: 'Numéro ADELI introuvable' });
    const fixed = await owner.client
      .from('practitioners')
      .update({ registration_number: '751234567' })
      .eq('id', owner.id)
      .select('registration_number')
      .single();
    expect(fixed.error).toBeNull();
    const again = await owner.client
      .from('practitioners')
      .update({ verification_status: 'submitted' })
      .eq('id', owner.id)
      .select()
      .single();
    expect(again.error).toBeNull();
    expect(again.data).toMatchObject({ verification_status: 'submitted', status_reason: null });

    const { outbox } = await decisionRows(owner.id, 0);
    const rejection = outbox.find((m) => m.topic === 'practitioner.verification.rejected');
    expect(rejection?.payload).toMatchObject({
      practitioner_id: owner.id,
      from: 'submitted',
      to: 'rejected',
      reason: 'Numéro ADELI introuvable',
    });
  });

  it('suspends with a reason and reinstates, keeping the first verification date', async () => {
    const owner = await practitionerIn('verified');
    const staff = await user('staff');
    const verifiedAt = (await snapshot(owner.id)).row?.verified_at;
    const before = await lastAuditId();

    const suspended = await review(staff, owner.id, 'suspend', 'Plainte d’un patient');
    expect(suspended.error).toBeNull();
    expect(suspended.data).toMatchObject({
      verification_status: 'suspended',
      status_reason: 'Plainte d’un patient',
      published: false,
    });
    const reinstated = await review(staff, owner.id, 'reinstate');
    expect(reinstated.error).toBeNull();
    expect(reinstated.data).toMatchObject({
      verification_status: 'verified',
      status_reason: null,
      verified_at: verifiedAt,
    });

    const { audit } = await decisionRows(owner.id, before);
    expect(
      audit.map((a) => [a.actor_id, (a.new_values as Record<string, unknown>).verification_status]),
    ).toEqual([
      [staff.id, 'suspended'],
      [staff.id, 'verified'],
    ]);
    expect((audit[0]?.new_values as Record<string, unknown> | undefined)?.status_reason).toBe(
      'Plainte d’un patient',
    );
  });

  it('writes exactly one audit row and one outbox message per decision', async () => {
    const staff = await user('staff');
    const cases: Array<[Status, ReviewAction, string | undefined]> = [
      ['submitted', 'approve', undefined],
      ['submitted', 'reject', 'Pièce manquante'],
      ['verified', 'suspend', 'Contrôle'],
      ['suspended', 'reinstate', undefined],
    ];
    for (const [from, action, reason] of cases) {
      const owner = await practitionerIn(from);
      const before = await snapshot(owner.id);
      const res = await review(staff, owner.id, action, reason);
      expect(res.error, `${action} a ${from} profile`).toBeNull();
      const after = await snapshot(owner.id);
      expect([after.audit, after.outbox], `${action} a ${from} profile`).toEqual([
        (before.audit ?? 0) + 1,
        (before.outbox ?? 0) + 1,
      ]);
    }
  });

  describe('refuses illegal moves with a clear message, and nothing changes', () => {
    type Attempt = (
      owner: TestUser,
      staff: TestUser,
    ) => PromiseLike<{ error: { code: string; message: string } | null; status: number }>;
    // One line per case, read as a table: what, from which state, the attempt, status, code, message.
    // prettier-ignore
    const cases: Array<[string, Status, Attempt, number, string, RegExp]> = [
      ['staff approve a draft', 'draft', (o, s) => review(s, o.id, 'approve'), 409, 'PT409', /Cannot approve a draft profile/],
      ['staff approve a verified profile', 'verified', (o, s) => review(s, o.id, 'approve'), 409, 'PT409', /Cannot approve a verified profile/],
      ['staff reinstate a verified profile', 'verified', (o, s) => review(s, o.id, 'reinstate'), 409, 'PT409', /Cannot reinstate a verified profile/],
      ['staff reject a draft', 'draft', (o, s) => review(s, o.id, 'reject', 'Incomplet'), 409, 'PT409', /Cannot reject a draft profile/],
      ['staff reject a rejected profile again', 'rejected', (o, s) => review(s, o.id, 'reject', 'Autre motif'), 409, 'PT409', /Cannot reject a rejected profile/],
      ['staff suspend a submitted profile', 'submitted', (o, s) => review(s, o.id, 'suspend', 'Contrôle'), 409, 'PT409', /Cannot suspend a submitted profile/],
      ['staff suspend a suspended profile again', 'suspended', (o, s) => review(s, o.id, 'suspend', 'Encore'), 409, 'PT409', /Cannot suspend a suspended profile/],
      ['staff reject without a reason', 'submitted', (o, s) => review(s, o.id, 'reject'), 400, 'PT400', /A reason is required to reject/],
      ['staff reject with a blank reason', 'submitted', (o, s) => review(s, o.id, 'reject', '   '), 400, 'PT400', /A reason is required to reject/],
      ['staff suspend without a reason', 'verified', (o, s) => review(s, o.id, 'suspend'), 400, 'PT400', /A reason is required to suspend/],
      ['staff use an unknown action', 'submitted', (o, s) => review(s, o.id, 'publish' as ReviewAction), 400, '22P02', /invalid input value for enum review_action: "publish"/],
      ['the owner review themselves', 'submitted', (o) => review(o, o.id, 'approve'), 403, 'PT403', /Only staff can review practitioners/],
      ['the owner verify themselves directly', 'submitted', (o) => o.client.from('practitioners').update({ verification_status: 'verified' }).eq('id', o.id), 403, 'PT403', /Only staff can move a profile from submitted to verified/],
      ['the owner reinstate themselves directly', 'suspended', (o) => o.client.from('practitioners').update({ verification_status: 'verified' }).eq('id', o.id), 403, 'PT403', /Only staff can move a profile from suspended to verified/],
      ['the owner jump from draft to verified', 'draft', (o) => o.client.from('practitioners').update({ verification_status: 'verified' }).eq('id', o.id), 409, 'PT409', /A draft profile cannot become verified/],
      ['the owner withdraw a submission', 'submitted', (o) => o.client.from('practitioners').update({ verification_status: 'draft' }).eq('id', o.id), 409, 'PT409', /A submitted profile cannot become draft/],
      ['the owner edit the registration number after submission', 'submitted', (o) => o.client.from('practitioners').update({ registration_number: '751234567' }).eq('id', o.id), 409, 'PT409', /cannot change once submitted/],
      ['the owner change profession once verified', 'verified', (o) => o.client.from('practitioners').update({ profession_code: 'dietitian' }).eq('id', o.id), 409, 'PT409', /cannot change once submitted/],
      ['the owner write a status reason', 'draft', (o) => o.client.from('practitioners').update({ status_reason: 'Tout va bien' }).eq('id', o.id), 403, 'PT403', /change only with the verification state/],
      ['staff submit on the owner’s behalf', 'draft', (o, s) => s.client.from('practitioners').update({ verification_status: 'submitted' }).eq('id', o.id), 403, 'PT403', /Only the practitioner can submit/],
      ['staff edit the owner’s bio', 'verified', (o, s) => s.client.from('practitioners').update({ bio_fr: 'Réécrit' }).eq('id', o.id), 403, 'PT403', /only the verification/],
      ['staff set published', 'verified', (o, s) => s.client.from('practitioners').update({ published: true }).eq('id', o.id), 403, '42501', /permission denied/],
    ];

    // Independent data per case, so they run at once (assertions through the test's own expect).
    for (const [what, from, attempt, status, code, message] of cases) {
      it.concurrent(`${what}: ${status}`, async ({ expect }) => {
        const owner = await practitionerIn(from);
        const staff = await user('staff');
        const before = await snapshot(owner.id);
        const res = await attempt(owner, staff);
        expect(res.error?.message).toMatch(message);
        expect(res.error?.code).toBe(code);
        expect(res.status).toBe(status);
        expect(await snapshot(owner.id)).toEqual(before);
      });
    }

    it('a patient reviewing: 403; anon: 401; an unknown practitioner: 404', async () => {
      const owner = await practitionerIn('submitted');
      const patient = await user('patient');
      const staff = await user('staff');
      const before = await snapshot(owner.id);
      const byPatient = await review(patient, owner.id, 'approve');
      expect([byPatient.status, byPatient.error?.code, byPatient.error?.message]).toEqual([
        403,
        'PT403',
        'Only staff can review practitioners',
      ]);
      const byAnon = await anon().rpc('review_practitioner', {
        p_practitioner_id: owner.id,
        p_action: 'approve',
      });
      expect([byAnon.status, byAnon.error?.code]).toEqual([401, '42501']);
      const unknown = await review(staff, crypto.randomUUID(), 'approve');
      expect([unknown.status, unknown.error?.code]).toEqual([404, 'PT404']);
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it('another practitioner cannot submit someone else’s profile (no row is theirs)', async () => {
      const owner = await practitionerIn('draft');
      const intruder = await practitioner();
      const before = await snapshot(owner.id);
      const res = await intruder.client
        .from('practitioners')
        .update({ verification_status: 'submitted' })
        .eq('id', owner.id)
        .select();
      expect(res.error).toBeNull();
      expect(res.data).toEqual([]);
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it('a regulated profession cannot be submitted without its registration number', async () => {
      const owner = await practitioner();
      await createPractitionerProfile(owner, { registration_number: null });
      const before = await snapshot(owner.id);
      const res = await owner.client
        .from('practitioners')
        .update({ verification_status: 'submitted' })
        .eq('id', owner.id);
      expect([res.status, res.error?.code, res.error?.message]).toEqual([
        400,
        'PT400',
        'A ADELI registration number is required before submitting',
      ]);
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it('a new profile cannot start verified', async () => {
      const owner = await practitioner();
      const res = await owner.client.from('practitioners').insert({
        id: owner.id,
        slug: `dr-${owner.id.slice(0, 8)}`,
        display_name: 'Dr Pressé',
        profession_code: 'psychologist',
        verification_status: 'verified',
      });
      expect(res.error?.code).toBe('42501');
      expect((await service().from('practitioners').select('id').eq('id', owner.id)).data).toEqual([]);
    });
  });
});

describe('verification documents opened by staff', () => {
  it('are audited when staff open them; others are refused', async () => {
    const owner = await practitioner();
    await createPractitionerProfile(owner);
    const path = `${owner.id}/diploma.pdf`;
    expect(
      (
        await owner.client.storage
          .from('verification-documents')
          .upload(path, Buffer.from('%PDF-1.4\n%%EOF\n'), { contentType: 'application/pdf' })
      ).error,
    ).toBeNull();
    const doc = await owner.client
      .from('verification_documents')
      .insert({
        practitioner_id: owner.id,
        kind: 'diploma',
        object_path: path,
        file_name: 'diploma.pdf',
        mime_type: 'application/pdf',
        size_bytes: 15,
      })
      .select('id')
      .single();
    expect(doc.error).toBeNull();
    const id = doc.data?.id as string;
    const staff = await user('staff');

    const byOwner = await owner.client.rpc('open_verification_document', { p_document_id: id });
    expect([byOwner.status, byOwner.error?.code]).toEqual([403, 'PT403']);
    const opened = await staff.client.rpc('open_verification_document', { p_document_id: id });
    expect(opened.error).toBeNull();
    expect(opened.data).toBe(path);

    const audit = await service()
      .from('audit_log')
      .select('actor_id, action, details')
      .eq('table_name', 'verification_documents')
      .eq('record_id', id)
      .order('id');
    expect(audit.data).toEqual([
      { actor_id: owner.id, action: 'verification_document_added', details: {} },
      {
        actor_id: staff.id,
        action: 'verification_document_read',
        details: { practitioner_id: owner.id, object_path: path },
      },
    ]);
    // The path alone opens nothing: staff get the bytes only through a URL the function signs.
    expect((await staff.client.storage.from('verification-documents').download(path)).error).not.toBeNull();
  });
});
