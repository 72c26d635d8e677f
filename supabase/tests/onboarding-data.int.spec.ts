// The onboarding data functions against the real stack: documents go through a signed upload
// URL (bytes in the practitioner's folder, a row beside them) only while the profile is editable;
// specialties are set exactly, within the practitioner's own profession; exceptions are edited.
import { describe, expect, it } from 'vitest';
import {
  addAvailabilityException,
  listMyVerificationDocuments,
  listProfessions,
  removeVerificationDocument,
  setMySpecialties,
  getMyPractitionerProfile,
  updateAvailabilityException,
  uploadProfilePhoto,
  uploadVerificationDocument,
  type UploadTransport,
} from '@carebook/data';
import { advance, createPractitionerProfile, practitioner, sql } from '@carebook/testing';

// Node has no XMLHttpRequest: the same PUT through fetch, reporting the whole body as sent.
const fetchTransport: UploadTransport = async (url, body, contentType, onProgress) => {
  const response = await fetch(url, { method: 'PUT', body, headers: { 'content-type': contentType } });
  onProgress({ loaded: body.size, total: body.size });
  return { ok: true, data: response.status };
};

const pdf = () => new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' });

describe('verification documents', () => {
  it('uploads with progress into the owner folder and lists it; others see nothing', async () => {
    const [pro, other] = await Promise.all([practitioner(), practitioner()]);
    await Promise.all([createPractitionerProfile(pro), createPractitionerProfile(other)]);
    const seen: number[] = [];
    const up = await uploadVerificationDocument(
      pro.client,
      { kind: 'diploma', file: pdf(), fileName: 'Diplôme final.PDF' },
      (p) => seen.push(p.loaded / p.total),
      fetchTransport,
    );
    expect(up.ok).toBe(true);
    expect(seen.at(-1)).toBe(1);
    const [row] = await sql<{ object_path: string; bytes: number }>(
      `select d.object_path, (o.metadata ->> 'size')::int as bytes
         from public.verification_documents d join storage.objects o on o.bucket_id = 'verification-documents' and o.name = d.object_path
        where d.practitioner_id = $1`,
      [pro.id],
    );
    expect(row?.object_path).toMatch(new RegExp(`^${pro.id}/[0-9a-f-]{36}\\.pdf$`));
    expect(row?.bytes).toBe(pdf().size);
    const mine = await listMyVerificationDocuments(pro.client);
    expect(mine.ok && mine.data.map((d) => [d.kind, d.fileName])).toEqual([['diploma', 'Diplôme final.PDF']]);
    const theirs = await listMyVerificationDocuments(other.client);
    expect(theirs.ok && theirs.data).toEqual([]);
    // Another practitioner cannot remove it: RLS hides the row.
    if (!up.ok) return;
    const removedByOther = await removeVerificationDocument(other.client, up.data.id);
    expect(!removedByOther.ok && removedByOther.error.code).toBe('not_found');
  });

  it('refuses wrong types and sizes before sending, and any upload once submitted', async () => {
    const pro = await practitioner();
    await createPractitionerProfile(pro);
    const text = await uploadVerificationDocument(
      pro.client,
      { kind: 'other', file: new Blob(['x'], { type: 'text/plain' }), fileName: 'a.txt' },
      undefined,
      fetchTransport,
    );
    expect(!text.ok && text.error.code).toBe('invalid_input');
    const big = new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'application/pdf' });
    const tooBig = await uploadVerificationDocument(
      pro.client,
      { kind: 'other', file: big, fileName: 'b.pdf' },
      undefined,
      fetchTransport,
    );
    expect(!tooBig.ok && tooBig.error.code).toBe('out_of_range');

    await advance(pro.id, 'submitted');
    const late = await uploadVerificationDocument(
      pro.client,
      { kind: 'identity', file: pdf(), fileName: 'id.pdf' },
      undefined,
      fetchTransport,
    );
    expect(!late.ok && late.error.code).toBe('forbidden');
    const [count] = await sql<{ n: number }>(
      `select count(*)::int as n from storage.objects where bucket_id = 'verification-documents' and name like $1 || '/%'`,
      [pro.id],
    );
    expect(count?.n).toBe(0);
  });

  it('removes the row and its file while the profile is a draft', async () => {
    const pro = await practitioner();
    await createPractitionerProfile(pro);
    const up = await uploadVerificationDocument(
      pro.client,
      { kind: 'identity', file: pdf(), fileName: 'id.pdf' },
      undefined,
      fetchTransport,
    );
    if (!up.ok) throw new Error(up.error.message);
    expect((await removeVerificationDocument(pro.client, up.data.id)).ok).toBe(true);
    const [left] = await sql<{ n: number }>(
      `select count(*)::int as n from storage.objects where bucket_id = 'verification-documents' and name like $1 || '/%'`,
      [pro.id],
    );
    expect(left?.n).toBe(0);
  });
});

describe('profile photo and specialties', () => {
  it('stores a new photo and removes the one it replaces', async () => {
    const pro = await practitioner();
    await createPractitionerProfile(pro);
    const jpeg = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });
    const first = await uploadProfilePhoto(pro.client, jpeg());
    if (!first.ok) throw new Error(first.error.message);
    const second = await uploadProfilePhoto(pro.client, jpeg(), first.data);
    if (!second.ok) throw new Error(second.error.message);
    const names = await sql<{ name: string }>(
      `select name from storage.objects where bucket_id = 'avatars' and name like $1 || '/%'`,
      [pro.id],
    );
    expect(names.map((n) => n.name)).toEqual([second.data]);
  });

  it('sets exactly the specialties given, and refuses another profession’s', async () => {
    const pro = await practitioner();
    await createPractitionerProfile(pro, { profession_code: 'psychologist' });
    const professions = await listProfessions(pro.client);
    if (!professions.ok) throw new Error(professions.error.message);
    const own = professions.data.find((p) => p.code === 'psychologist')!.specialties.map((s) => s.id);
    const foreign = professions.data.find((p) => p.code !== 'psychologist' && p.specialties.length > 0)!
      .specialties[0]!.id;
    expect(own.length).toBeGreaterThan(1);
    expect((await setMySpecialties(pro.client, [own[0]!, own[1]!])).ok).toBe(true);
    expect((await setMySpecialties(pro.client, [own[1]!])).ok).toBe(true);
    const mine = await getMyPractitionerProfile(pro.client);
    expect(mine.ok && mine.data?.specialtyIds).toEqual([own[1]]);
    const refused = await setMySpecialties(pro.client, [foreign]);
    expect(!refused.ok && refused.error.code).toBe('specialty_mismatch');
  });
});

describe('availability exceptions', () => {
  it('edits an exception in place; another practitioner cannot', async () => {
    const [pro, other] = await Promise.all([practitioner(), practitioner()]);
    await Promise.all([createPractitionerProfile(pro), createPractitionerProfile(other)]);
    const added = await addAvailabilityException(pro.client, {
      kind: 'time_off',
      from: '2030-03-01T08:00:00.000Z',
      to: '2030-03-01T10:00:00.000Z',
    });
    if (!added.ok) throw new Error(added.error.message);
    const edited = await updateAvailabilityException(pro.client, added.data.id, {
      kind: 'extra',
      from: '2030-03-01T09:00:00.000Z',
      to: '2030-03-01T12:00:00.000Z',
      note: 'Samedi matin',
    });
    expect(edited.ok && edited.data).toMatchObject({
      id: added.data.id,
      kind: 'extra',
      from: '2030-03-01T09:00:00.000Z',
      to: '2030-03-01T12:00:00.000Z',
      note: 'Samedi matin',
    });
    const byOther = await updateAvailabilityException(other.client, added.data.id, { note: 'pris' });
    expect(!byOther.ok && byOther.error.code).toBe('not_found');
    const half = await updateAvailabilityException(pro.client, added.data.id, {
      from: '2030-03-01T09:00:00.000Z',
    });
    expect(!half.ok && half.error.code).toBe('invalid_input');
  });
});
