// hello: answers the caller's own profile. The first slice through every layer: the gateway and
// runtime check the JWT, the function forwards it, and RLS lets the user read only their own row.
import { preflight } from '../_shared/cors.ts';
import { bearerToken, errorResponse, json } from '../_shared/http.ts';
import type { ProfileLookup } from '../_shared/profile.ts';

export interface HelloDeps {
  /** Looks up the user the JWT belongs to and their profile, as that user. */
  loadProfile(jwt: string): Promise<ProfileLookup>;
  log?: (line: string) => void;
}

export function handler(deps: HelloDeps): (req: Request) => Promise<Response> {
  return async (req) => {
    const early = preflight(req);
    if (early) return early;
    if (req.method !== 'GET' && req.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', 'Use GET or POST.');
    }
    const jwt = bearerToken(req);
    if (!jwt) return errorResponse(401, 'not_authenticated', 'Sign in first.');
    try {
      const found = await deps.loadProfile(jwt);
      switch (found.status) {
        case 'no-user':
          return errorResponse(401, 'not_authenticated', 'Sign in first.');
        case 'no-profile':
          return errorResponse(404, 'profile_not_found', 'This account has no profile.');
        case 'ok':
          return json({ profile: found.profile });
      }
    } catch (error) {
      (deps.log ?? console.error)(`hello: ${error instanceof Error ? error.message : String(error)}`);
      return errorResponse(500, 'internal_error', 'Something went wrong; try again.');
    }
  };
}
