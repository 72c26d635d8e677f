// Finds the caller from their JWT (auth server) and reads their profile as them (RLS applies).
import { PROFILE_COLUMNS, type Profile, type ProfileLookup } from './profile.ts';
import { userClient } from './supabase.ts';

export async function loadCallerProfile(jwt: string): Promise<ProfileLookup> {
  const supabase = userClient(jwt);
  // The anon key, an expired or a forged token all come back as an auth error: no user.
  const { data: userData, error: userError } = await supabase.auth.getUser(jwt);
  if (userError || !userData.user) return { status: 'no-user' };

  const { data, error } = await supabase
    .from('profiles')
    .select(PROFILE_COLUMNS)
    .eq('id', userData.user.id)
    .maybeSingle();
  if (error) throw new Error(`reading the profile failed: ${error.message}`);
  return data ? { status: 'ok', profile: data as Profile } : { status: 'no-profile' };
}
