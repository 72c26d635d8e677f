// A practitioner's documents for verification (diploma, identity...): bytes in the private
// `verification-documents` bucket under their own folder, one metadata row each. Both are
// writable only while the profile is a draft or rejected (RLS on the row and on the object).
import type { DocumentKind } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { currentUserId, runMapped } from './query.ts';
import { fail, ok, type Result } from './result.ts';
import { xhrTransport, type UploadProgress, type UploadTransport } from './upload.ts';

export const DOCUMENTS_BUCKET = 'verification-documents';
/** What the table and bucket accept (the bucket's size limit is the same 10 MiB). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface VerificationDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
}

const COLUMNS = 'id, kind, file_name, mime_type, size_bytes, created_at';

type Row = {
  id: string;
  kind: DocumentKind;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  created_at: string;
};
const toDocument = (r: Row): VerificationDocument => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  mimeType: r.mime_type,
  sizeBytes: r.size_bytes,
  createdAt: r.created_at,
});

export async function listMyVerificationDocuments(
  client: CarebookClient,
): Promise<Result<VerificationDocument[]>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  return runMapped(
    client.from('verification_documents').select(COLUMNS).eq('practitioner_id', me.data).order('created_at'),
    'verification documents',
    (rows) => rows.map(toDocument),
  );
}

export interface DocumentUpload {
  kind: DocumentKind;
  file: Blob;
  fileName: string;
}

/** A storage key that keeps the file's extension but none of its name's odd characters. */
export function documentKey(owner: string, fileName: string, id: string): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase() ?? 'bin';
  return `${owner}/${id}.${ext}`;
}

/**
 * Uploads the file with progress, then records it. Refused before sending when the type or size
 * is not accepted (`invalid_input`, `out_of_range`); `forbidden` once the profile is submitted.
 */
export async function uploadVerificationDocument(
  client: CarebookClient,
  upload: DocumentUpload,
  onProgress: (p: UploadProgress) => void = () => {},
  transport: UploadTransport = xhrTransport,
): Promise<Result<VerificationDocument>> {
  const type = upload.file.type;
  if (!(DOCUMENT_MIME_TYPES as readonly string[]).includes(type))
    return fail({ code: 'invalid_input', message: `unsupported document type ${type || 'unknown'}` });
  if (upload.file.size < 1 || upload.file.size > DOCUMENT_MAX_BYTES)
    return fail({ code: 'out_of_range', message: `a document weighs 1 byte to ${DOCUMENT_MAX_BYTES} bytes` });
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const key = documentKey(me.data, upload.fileName, crypto.randomUUID());
  const bucket = client.storage.from(DOCUMENTS_BUCKET);
  // Creating the signed URL checks the caller's insert policy; the PUT itself carries the grant.
  const signed = await bucket.createSignedUploadUrl(key);
  if (signed.error) return fail(storageFailure(signed.error));
  const sent = await transport(signed.data.signedUrl, upload.file, type, onProgress);
  if (!sent.ok) return sent;
  if (sent.data < 200 || sent.data >= 300)
    return fail({
      code: sent.data === 413 ? 'out_of_range' : 'invalid_input',
      message: `upload answered ${sent.data}`,
      status: sent.data,
    });
  const recorded = await runMapped(
    client
      .from('verification_documents')
      .insert({
        practitioner_id: me.data,
        kind: upload.kind,
        object_path: key,
        file_name: upload.fileName.slice(0, 200) || 'document',
        mime_type: type as (typeof DOCUMENT_MIME_TYPES)[number],
        size_bytes: upload.file.size,
      })
      .select(COLUMNS)
      .single(),
    'new verification document',
    toDocument,
  );
  // A row refused after the bytes went in: take the bytes back out so no orphan stays.
  if (!recorded.ok) await bucket.remove([key]);
  return recorded;
}

/** Removes the row, then its file (both allowed only while the profile is editable). */
export async function removeVerificationDocument(
  client: CarebookClient,
  id: string,
): Promise<Result<{ id: string }>> {
  const removed = await runMapped(
    client.from('verification_documents').delete().eq('id', id).select('id, object_path').maybeSingle(),
    `verification document ${id}`,
    (r) => r,
  );
  if (!removed.ok) return removed;
  await client.storage.from(DOCUMENTS_BUCKET).remove([removed.data.object_path]);
  return ok({ id: removed.data.id });
}

/** Storage's error answers as refusal codes: its status says whether the caller may write. */
export function storageFailure(error: { message: string; statusCode?: string | number; status?: number }) {
  const status = Number(error.statusCode ?? error.status ?? 0);
  const code =
    status === 401
      ? 'not_authenticated'
      : status === 403
        ? 'forbidden'
        : status === 413
          ? 'out_of_range'
          : status === 0
            ? 'network'
            : 'invalid_input';
  return { code, message: error.message, status: status || undefined } as const;
}
