// Whether the caller is staff, asked as the caller: RLS on staff_members lets only staff read it,
// so neither a claim in the JWT nor a role stored elsewhere can make someone staff here.
import type { StaffLookup } from './staff.ts';
import { userClient } from './supabase.ts';

export async function lookUpCallerStaff(jwt: string): Promise<StaffLookup> {
  const supabase = userClient(jwt);
  // The anon key, an expired or a forged token all come back as an auth error: no user.
  const { data: userData, error: userError } = await supabase.auth.getUser(jwt);
  if (userError || !userData.user) return { status: 'no-user' };

  const { data, error } = await supabase
    .from('staff_members')
    .select('user_id')
    .eq('user_id', userData.user.id)
    .maybeSingle();
  if (error) throw new Error(`reading staff_members failed: ${error.message}`);
  return { status: 'ok', userId: userData.user.id, staff: data !== null };
}
