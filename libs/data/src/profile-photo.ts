// The practitioner's photo: a square image in the public `avatars` bucket under their folder. Each
// upload gets a new name (browsers and CDNs cache public URLs), and the one it replaces is removed.
import type { CarebookClient } from './client.ts';
import { currentUserId } from './query.ts';
import { fail, ok, type Result } from './result.ts';
import { storageFailure } from './verification-documents.ts';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** Uploads (or replaces) the photo and returns its storage path, to save as `photoPath`. */
export async function uploadProfilePhoto(
  client: CarebookClient,
  photo: Blob,
  replaces: string | null = null,
): Promise<Result<string>> {
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(photo.type))
    return fail({ code: 'invalid_input', message: `unsupported photo type ${photo.type}` });
  if (photo.size > PHOTO_MAX_BYTES) return fail({ code: 'out_of_range', message: 'the photo is over 2 MiB' });
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const ext = photo.type === 'image/png' ? 'png' : photo.type === 'image/webp' ? 'webp' : 'jpg';
  const path = `${me.data}/photo-${Date.now()}.${ext}`;
  const { error } = await client.storage
    .from('avatars')
    .upload(path, photo, { contentType: photo.type, upsert: true });
  if (error) return fail(storageFailure(error as { message: string; statusCode?: string }));
  if (replaces && replaces.startsWith(`${me.data}/`)) await client.storage.from('avatars').remove([replaces]);
  return ok(path);
}

/** The public URL of a stored photo path. */
export function photoUrl(client: CarebookClient, path: string): string {
  return client.storage.from('avatars').getPublicUrl(path).data.publicUrl;
}
