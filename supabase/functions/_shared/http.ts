// JSON responses with the CORS headers every function answer needs. Error answers are built by
// api-error.ts only, so that every function speaks the same error shape.
import { corsHeaders } from './cors.ts';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json', ...headers },
  });
}

/** The caller's `Authorization: Bearer <jwt>` token, or null when there is none. */
export function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get('Authorization') ?? '');
  return match?.[1] ?? null;
}
