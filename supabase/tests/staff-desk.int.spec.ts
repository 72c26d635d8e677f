// The staff desk's API: only staff get anything from its functions and tables (patients and
// practitioners get a refusal or nothing at all), every document view writes exactly one audit
// row, and a decision taken on a state that has moved since is refused (stale_review).
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  config,
  createPractitionerProfile,
  patient,
  practitioner,
  service,
  staff,
  submit,
  type TestUser,
  uniqueLetters,
} from '@carebook/testing';

async function callReview(
  who: TestUser,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = (await who.client.auth.getSession()).data.session?.access_token;
  const res = await fetch(`${config.apiUrl}/functions/v1/review-practitioner${path}`, {
    ...init,
    headers: { apikey: config.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function submittedWithDocument(): Promise<{ owner: TestUser; documentId: string }> {
  const owner = await practitioner();
  await createPractitionerProfile(owner, { display_name: `Dr ${uniqueLetters()} Desk` });
  const path = `${owner.id}/diploma.pdf`;
  const upload = await owner.client.storage
    .from('verification-documents')
    .upload(path, Buffer.from('%PDF-1.4\n%%EOF\n'), { contentType: 'application/pdf' });
  expect(upload.error).toBeNull();
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
  await submit(owner);
  return { owner, documentId: doc.data?.id as string };
}

async function deadDelivery(recipientId: string): Promise<string> {
  const admin = service();
  const outbox = await admin
    .from('outbox')
    // Already fanned out: the notification job, which runs meanwhile, must not expand it too.
    .insert({
      topic: 'practitioner.verification.rejected',
      payload: { practitioner_id: recipientId },
      status: 'sent',
      processed_at: new Date().toISOString(),
    })
    .select('id')
    .single();
  expect(outbox.error).toBeNull();
  const delivery = await admin
    .from('deliveries')
    .insert({
      outbox_id: outbox.data?.id as number,
      recipient_id: recipientId,
      channel: 'email',
      status: 'dead',
      attempts: 8,
      last_error: 'Brevo 400: invalid recipient',
    })
    .select('id')
    .single();
  expect(delivery.error).toBeNull();
  return delivery.data?.id as string;
}

describe('the staff desk refuses everyone but staff', () => {
  it('gives a patient and a practitioner nothing from any staff function, table or route', async () => {
    const { owner: subject, documentId } = await submittedWithDocument();
    const deliveryId = await deadDelivery(subject.id);
    await service()
      .from('content_pages')
      .insert({ slug: `draft-${uniqueLetters()}`, locale: 'fr', title: 'Brouillon' });
    for (const who of [await patient(), await practitioner()]) {
      expect((await who.client.rpc('am_i_staff')).data).toBe(false);

      for (const call of [
        who.client.rpc('staff_practitioners', {}),
        who.client.rpc('staff_desk_counts'),
        who.client.rpc('staff_retry_delivery', { p_delivery_id: deliveryId }),
        who.client.rpc('review_practitioner', { p_practitioner_id: subject.id, p_action: 'approve' }),
      ]) {
        const res = await call;
        expect([res.status, res.error?.details, res.data]).toEqual([403, 'staff_only', null]);
      }
      const opened = await who.client.rpc('open_verification_document', { p_document_id: documentId });
      expect([opened.status, opened.data]).toEqual([403, null]);

      // Tables: RLS shows nothing of others, and nothing of a draft page.
      for (const table of ['audit_log', 'deliveries', 'outbox', 'staff_members'] as const) {
        const res = await who.client.from(table).select('*');
        expect([table, res.error, res.data]).toEqual([table, null, []]);
      }
      expect((await who.client.from('verification_documents').select('*').eq('id', documentId)).data).toEqual(
        [],
      );
      expect((await who.client.from('content_pages').select('*').eq('published', false)).data).toEqual([]);
      const written = await who.client
        .from('content_pages')
        .insert({ slug: 'help', locale: 'en', title: 'Hacked' });
      expect(written.error?.code).toBe('42501');
      const renamed = await who.client
        .from('professions')
        .update({ name_en: 'Hacked' })
        .eq('code', 'psychologist')
        .select();
      expect(renamed.data).toEqual([]);

      // The function answers 403 before reading anything, for decisions and documents alike.
      const review = await callReview(who, '', {
        method: 'POST',
        body: JSON.stringify({ practitioner_id: subject.id, action: 'approve' }),
      });
      expect([review.status, (review.body.error as { code: string }).code]).toEqual([403, 'staff_only']);
      const doc = await callReview(who, `/documents/${documentId}`);
      expect([doc.status, 'url' in doc.body]).toEqual([403, false]);
    }
    // Nothing moved.
    const after = await service()
      .from('practitioners')
      .select('verification_status')
      .eq('id', subject.id)
      .single();
    expect(after.data?.verification_status).toBe('submitted');
  });
});

describe('staff on the desk', () => {
  it('know they are staff, list the queue oldest first and search the directory with a total', async () => {
    const desk = await staff();
    expect((await desk.client.rpc('am_i_staff')).data).toBe(true);
    const tag = uniqueLetters();
    const first = await practitioner();
    await createPractitionerProfile(first, { display_name: `Dr ${tag} Alpha` });
    await submit(first);
    const second = await practitioner();
    await createPractitionerProfile(second, { display_name: `Dr ${tag} Beta` });
    await submit(second);
    const draft = await practitioner();
    await createPractitionerProfile(draft, { display_name: `Dr ${tag} Gamma` });

    const queue = await desk.client.rpc('staff_practitioners', { p_text: tag, p_queue: true });
    expect(queue.error).toBeNull();
    expect(queue.data?.map((r) => [r.display_name, r.verification_status, r.total_count])).toEqual([
      [`Dr ${tag} Alpha`, 'submitted', 3],
      [`Dr ${tag} Beta`, 'submitted', 3],
      [`Dr ${tag} Gamma`, 'draft', 3],
    ]);
    const page2 = await desk.client.rpc('staff_practitioners', { p_text: tag, p_limit: 2, p_offset: 2 });
    expect(page2.data?.map((r) => [r.display_name, r.total_count])).toEqual([[`Dr ${tag} Gamma`, 3]]);
    const drafts = await desk.client.rpc('staff_practitioners', { p_text: tag, p_status: 'draft' });
    expect(drafts.data?.map((r) => r.display_name)).toEqual([`Dr ${tag} Gamma`]);
    const tooMany = await desk.client.rpc('staff_practitioners', { p_limit: 500 });
    expect([tooMany.status, tooMany.error?.details]).toEqual([400, 'out_of_range']);

    const counts = await desk.client.rpc('staff_desk_counts');
    expect(counts.error).toBeNull();
    const c = counts.data as { verification: Record<string, number>; oldest_submitted_at: string | null };
    expect(c.verification.submitted).toBeGreaterThanOrEqual(2);
    expect(c.oldest_submitted_at).not.toBeNull();
  });

  it('write exactly one audit row per document view', async () => {
    const { owner, documentId } = await submittedWithDocument();
    const desk = await staff();
    const before = await service()
      .from('audit_log')
      .select('id', { count: 'exact', head: true })
      .eq('action', 'verification_document_read')
      .eq('record_id', documentId);
    expect(before.count).toBe(0);
    for (let view = 1; view <= 3; view++) {
      const opened = await callReview(desk, `/documents/${documentId}`);
      expect(opened.status).toBe(200);
      expect(String(opened.body.url)).toContain(`${owner.id}/diploma.pdf`);
      const rows = await service()
        .from('audit_log')
        .select('actor_id, action')
        .eq('action', 'verification_document_read')
        .eq('record_id', documentId);
      expect(rows.data).toEqual(
        Array.from({ length: view }, () => ({ actor_id: desk.id, action: 'verification_document_read' })),
      );
    }
  });

  it('refuse a decision on a state that changed since (two staff on one profile)', async () => {
    const { owner } = await submittedWithDocument();
    const [first, second] = [await staff(), await staff()];
    const approve = await callReview(first, '', {
      method: 'POST',
      body: JSON.stringify({ practitioner_id: owner.id, action: 'approve', expected_status: 'submitted' }),
    });
    expect(approve.status).toBe(200);
    const reject = await callReview(second, '', {
      method: 'POST',
      body: JSON.stringify({
        practitioner_id: owner.id,
        action: 'reject',
        reason: 'Blurry diploma',
        expected_status: 'submitted',
      }),
    });
    expect(reject.status).toBe(409);
    expect((reject.body.error as { code: string }).code).toBe('stale_review');
    const row = await service()
      .from('practitioners')
      .select('verification_status, status_reason')
      .eq('id', owner.id)
      .single();
    expect(row.data).toEqual({ verification_status: 'verified', status_reason: null });
    // The history shows the one decision that was taken.
    const history = await second.client
      .from('audit_log')
      .select('actor_id, new_values')
      .eq('table_name', 'practitioners')
      .eq('record_id', owner.id)
      .eq('action', 'verification_changed')
      .order('id');
    expect(
      history.data?.map((h) => [
        h.actor_id,
        (h.new_values as { verification_status: string }).verification_status,
      ]),
    ).toEqual([
      [owner.id, 'submitted'],
      [first.id, 'verified'],
    ]);
  });

  it('retry a dead delivery: back to pending, due now, audited', async () => {
    const someone = await patient();
    const id = await deadDelivery(someone.id);
    const desk = await staff();
    const retried = await desk.client.rpc('staff_retry_delivery', { p_delivery_id: id });
    expect(retried.error).toBeNull();
    expect(retried.data).toMatchObject({ id, status: 'pending', attempts: 8 });
    const again = await desk.client.rpc('staff_retry_delivery', { p_delivery_id: randomUUID() });
    expect([again.status, again.error?.details]).toEqual([404, 'not_found']);
    const audit = await service()
      .from('audit_log')
      .select('actor_id')
      .eq('action', 'delivery_retried')
      .eq('record_id', id);
    expect(audit.data).toEqual([{ actor_id: desk.id }]);
  });
});
