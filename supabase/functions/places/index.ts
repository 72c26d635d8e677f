// Wiring only: the logic and its tests are in handler.ts. GOOGLE_PLACES_API_URL points at the
// Google fake locally (set by the stack's functions runner) and is unset in production.
import { handler } from './handler.ts';

Deno.serve(
  handler({
    fetch: (input, init) => fetch(input, init),
    apiUrl: Deno.env.get('GOOGLE_PLACES_API_URL') ?? 'https://places.googleapis.com',
    apiKey: Deno.env.get('GOOGLE_MAPS_API_KEY') || undefined,
    now: () => Date.now(),
    log: (line) => console.error(line),
  }),
);
