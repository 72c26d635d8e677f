// Queries on public.profiles. Row level security decides what the caller may see; these
// functions only pick the caller's own row.
import type { CarebookClient } from './client.ts';
import { mapPostgrestError } from './errors.ts';
import { currentUserId } from './query.ts';
import { toProfile, toProfileUpdate, type Profile, type ProfilePatch } from './profile.ts';
import { fail, type Result } from './result.ts';

const PROFILE_COLUMNS = 'id, email, full_name, role, locale, phone, time_zone, created_at, updated_at';

export async function getMyProfile(client: CarebookClient): Promise<Result<Profile>> {
  const userId = await currentUserId(client);
  if (!userId.ok) return userId;
  const { data, error, status } = await client
    .from('profiles')
    .select(PROFILE_COLUMNS)
    .eq('id', userId.data)
    .maybeSingle();
  if (error) return fail(mapPostgrestError(error, status));
  if (!data) return fail({ code: 'not_found', message: `no profile for user ${userId.data}`, status });
  return toProfile(data);
}

export async function updateMyProfile(client: CarebookClient, patch: ProfilePatch): Promise<Result<Profile>> {
  const userId = await currentUserId(client);
  if (!userId.ok) return userId;
  const { data, error, status } = await client
    .from('profiles')
    .update(toProfileUpdate(patch))
    .eq('id', userId.data)
    .select(PROFILE_COLUMNS)
    .maybeSingle();
  if (error) return fail(mapPostgrestError(error, status));
  // An update that RLS filtered out touches no row and returns nothing rather than failing.
  if (!data) return fail({ code: 'forbidden', message: 'profile not updated', status });
  return toProfile(data);
}
