// Jobs (notify, payments) accept only the service role key the scheduler sends. The runtime has
// verified the JWT's signature already (verify_jwt = true); this reads its role claim.
export function roleOf(jwt: string): string | null {
  try {
    const payload = JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.role === 'string' ? payload.role : null;
  } catch {
    return null;
  }
}
