// The two buckets of the data model through the Storage API: verification documents are private to
// their owner (staff go through review-practitioner), change only while the profile is editable,
// and are PDF/JPEG/PNG up to 10 MB; avatars are public to read, written only in one's own folder.
import { describe, expect, it } from 'vitest';
import {
  advance,
  anon,
  config,
  createPractitionerProfile,
  patient,
  practitioner,
  user,
} from '@carebook/testing';

const DOCS = 'verification-documents';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
// A 1x1 PNG.
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082',
  'hex',
);

async function draftPractitioner() {
  const user = await practitioner();
  await createPractitionerProfile(user);
  return user;
}

const text = async (blob: Blob | null) => (blob ? Buffer.from(await blob.arrayBuffer()) : null);

describe('verification-documents bucket', () => {
  it('keeps a document readable by its owner only', async () => {
    const owner = await draftPractitioner();
    const other = await draftPractitioner();
    const staff = await user('staff');
    const patient = await user('patient');
    const path = `${owner.id}/diploma.pdf`;

    const up = await owner.client.storage.from(DOCS).upload(path, pdf, { contentType: 'application/pdf' });
    expect(up.error).toBeNull();
    expect(up.data?.path).toBe(path);
    const mine = await owner.client.storage.from(DOCS).download(path);
    expect(await text(mine.data)).toEqual(pdf);

    for (const [who, client] of [
      ['another practitioner', other.client],
      ['staff', staff.client],
      ['a patient', patient.client],
      ['anon', anon()],
    ] as const) {
      const res = await client.storage.from(DOCS).download(path);
      expect(res.data, who).toBeNull();
      expect(res.error, who).not.toBeNull();
      const signed = await client.storage.from(DOCS).createSignedUrl(path, 60);
      expect(signed.error, `${who} signing`).not.toBeNull();
      const listed = await client.storage.from(DOCS).list(owner.id);
      expect(listed.data ?? [], `${who} listing`).toEqual([]);
    }
    // No public route for a private bucket.
    expect((await fetch(`${config.apiUrl}/storage/v1/object/public/${DOCS}/${path}`)).status).not.toBe(200);
  });

  it('accepts PDF, JPEG and PNG up to 10 MB, and nothing else', async () => {
    const owner = await draftPractitioner();
    const put = (name: string, body: Buffer, contentType: string) =>
      owner.client.storage.from(DOCS).upload(`${owner.id}/${name}`, body, { contentType });
    expect(
      (await put('scan.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg')).error,
    ).toBeNull();
    expect((await put('scan.png', png, 'image/png')).error).toBeNull();
    expect((await put('max.pdf', Buffer.alloc(10 * 1024 * 1024, 0x20), 'application/pdf')).error).toBeNull();

    const tooBig = await put('big.pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 0x20), 'application/pdf');
    expect(tooBig.error?.message).toMatch(/maximum allowed size/i);
    const refused: Array<[string, string]> = [
      ['notes.txt', 'text/plain'],
      ['photo.gif', 'image/gif'],
      ['page.html', 'text/html'],
      ['doc.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ];
    for (const [name, type] of refused) {
      const res = await put(name, Buffer.from('x'), type);
      expect(res.error?.message, type).toMatch(/mime type .* is not supported/i);
    }
    const { data } = await owner.client.storage.from(DOCS).list(owner.id);
    expect(data?.map((f) => f.name).sort()).toEqual(['max.pdf', 'scan.jpg', 'scan.png']);
  });

  it('refuses uploads into somebody else’s folder and uploads by non-practitioners', async () => {
    const owner = await draftPractitioner();
    const other = await draftPractitioner();
    const patient = await user('patient');
    const staff = await user('staff');
    expect(
      (
        await other.client.storage
          .from(DOCS)
          .upload(`${owner.id}/fake.pdf`, pdf, { contentType: 'application/pdf' })
      ).error,
    ).not.toBeNull();
    expect(
      (
        await patient.client.storage
          .from(DOCS)
          .upload(`${patient.id}/mine.pdf`, pdf, { contentType: 'application/pdf' })
      ).error,
    ).not.toBeNull();
    expect(
      (
        await staff.client.storage
          .from(DOCS)
          .upload(`${owner.id}/planted.pdf`, pdf, { contentType: 'application/pdf' })
      ).error,
    ).not.toBeNull();
    expect(
      (
        await anon()
          .storage.from(DOCS)
          .upload(`${owner.id}/anon.pdf`, pdf, { contentType: 'application/pdf' })
      ).error,
    ).not.toBeNull();
    const { data } = await owner.client.storage.from(DOCS).list(owner.id);
    expect(data).toEqual([]);
  });

  it('freezes the files once submitted: still readable, no longer added, replaced or removed', async () => {
    const owner = await draftPractitioner();
    const path = `${owner.id}/diploma.pdf`;
    expect(
      (await owner.client.storage.from(DOCS).upload(path, pdf, { contentType: 'application/pdf' })).error,
    ).toBeNull();
    await advance(owner.id, 'submitted');

    expect(
      (
        await owner.client.storage
          .from(DOCS)
          .upload(`${owner.id}/late.pdf`, pdf, { contentType: 'application/pdf' })
      ).error,
    ).not.toBeNull();
    expect(
      (
        await owner.client.storage
          .from(DOCS)
          .upload(path, Buffer.from('%PDF-1.4 swapped'), { contentType: 'application/pdf', upsert: true })
      ).error,
    ).not.toBeNull();
    const removed = await owner.client.storage.from(DOCS).remove([path]);
    expect(removed.data ?? []).toEqual([]);
    expect(await text((await owner.client.storage.from(DOCS).download(path)).data)).toEqual(pdf);

    // Rejected: editable again.
    await advance(owner.id, { status: 'rejected', reason: 'Diplôme illisible' });
    expect((await owner.client.storage.from(DOCS).remove([path])).data?.map((o) => o.name)).toEqual([path]);
    expect(
      (await owner.client.storage.from(DOCS).upload(path, pdf, { contentType: 'application/pdf' })).error,
    ).toBeNull();
  });
});

describe('avatars bucket', () => {
  it('serves avatars to anybody through the public URL', async () => {
    const owner = await practitioner();
    const path = `${owner.id}/avatar.png`;
    expect(
      (await owner.client.storage.from('avatars').upload(path, png, { contentType: 'image/png' })).error,
    ).toBeNull();
    const url = anon().storage.from('avatars').getPublicUrl(path).data.publicUrl;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
  });

  it('lets users write, replace and remove only their own folder', async () => {
    const owner = await patient();
    const other = await practitioner();
    const staff = await user('staff');
    const path = `${owner.id}/avatar.png`;
    expect(
      (await owner.client.storage.from('avatars').upload(path, png, { contentType: 'image/png' })).error,
    ).toBeNull();
    const replaced = Buffer.concat([png, Buffer.from('v2')]);
    expect(
      (
        await owner.client.storage
          .from('avatars')
          .upload(path, replaced, { contentType: 'image/png', upsert: true })
      ).error,
    ).toBeNull();

    for (const [who, client] of [
      ['another user', other.client],
      ['staff', staff.client],
      ['anon', anon()],
    ] as const) {
      expect(
        (await client.storage.from('avatars').upload(path, png, { contentType: 'image/png', upsert: true }))
          .error,
        who,
      ).not.toBeNull();
      expect(
        (
          await client.storage
            .from('avatars')
            .upload(`${owner.id}/second.png`, png, { contentType: 'image/png' })
        ).error,
        who,
      ).not.toBeNull();
      expect((await client.storage.from('avatars').remove([path])).data ?? [], who).toEqual([]);
      // Public to read, not to browse: nobody lists another user's folder.
      expect((await client.storage.from('avatars').list(owner.id)).data ?? [], who).toEqual([]);
    }
    expect(
      Buffer.from(
        await (await fetch(anon().storage.from('avatars').getPublicUrl(path).data.publicUrl)).arrayBuffer(),
      ),
    ).toEqual(replaced);
    expect((await owner.client.storage.from('avatars').list(owner.id)).data?.map((f) => f.name)).toEqual([
      'avatar.png',
    ]);
    expect((await owner.client.storage.from('avatars').remove([path])).data?.map((o) => o.name)).toEqual([
      path,
    ]);
  });

  it('accepts JPEG, PNG and WebP up to 2 MB', async () => {
    const owner = await patient();
    const put = (name: string, body: Buffer, contentType: string) =>
      owner.client.storage.from('avatars').upload(`${owner.id}/${name}`, body, { contentType });
    expect((await put('a.webp', Buffer.from('RIFF\0\0\0\0WEBP'), 'image/webp')).error).toBeNull();
    expect((await put('a.jpg', Buffer.alloc(2 * 1024 * 1024, 1), 'image/jpeg')).error).toBeNull();
    expect((await put('big.jpg', Buffer.alloc(2 * 1024 * 1024 + 1, 1), 'image/jpeg')).error?.message).toMatch(
      /maximum allowed size/i,
    );
    expect((await put('a.gif', Buffer.from('GIF89a'), 'image/gif')).error?.message).toMatch(
      /mime type .* is not supported/i,
    );
    expect((await put('a.svg', Buffer.from('<svg/>'), 'image/svg+xml')).error?.message).toMatch(
      /mime type .* is not supported/i,
    );
  });
});
