// What every query function does with supabase-js's answer: data or a DataError with a refusal
// code, never a throw. Kept apart so each action file reads as its query alone.
import type { PostgrestError } from '@supabase/supabase-js';
import type { CarebookClient } from './client.ts';
import { mapAuthError, mapPostgrestError, mapUnknownError } from './errors.ts';
import { fail, ok, type Result } from './result.ts';

interface PostgrestAnswer {
  data: unknown;
  error: PostgrestError | null;
  status: number;
}

/** The row type a PostgREST request resolves to, without the null of "no row". */
export type RowsOf<Q> = Awaited<Q> extends { data: infer D } ? NonNullable<D> : never;

// Generic over the whole request (not its row type): inferring the row type through supabase-js'
// response union yields `never`, which would silence every type error downstream.
/** Runs a PostgREST request; no row (`maybeSingle` found nothing, or RLS hid it) is `not_found`. */
export async function run<Q extends PromiseLike<unknown>>(
  request: Q,
  what: string,
): Promise<Result<RowsOf<Q>>> {
  try {
    const { data, error, status } = (await request) as PostgrestAnswer;
    if (error) return fail(mapPostgrestError(error, status));
    if (data === null || data === undefined)
      return fail({ code: 'not_found', message: `${what}: nothing found`, status });
    return ok(data as RowsOf<Q>);
  } catch (error) {
    return fail(mapUnknownError(error));
  }
}

/** `run`, then a mapping of the rows into the app's shape. */
export async function runMapped<Q extends PromiseLike<unknown>, U>(
  request: Q,
  what: string,
  map: (data: RowsOf<Q>) => U,
): Promise<Result<U>> {
  const result = await run(request, what);
  return result.ok ? ok(map(result.data)) : result;
}

/** The signed-in user's id from the stored session (refreshed if due), without a round trip. */
export async function currentUserId(client: CarebookClient): Promise<Result<string>> {
  const { data, error } = await client.auth.getSession();
  if (error) return fail(mapAuthError(error));
  if (!data.session) return fail({ code: 'not_authenticated', message: 'no session' });
  return ok(data.session.user.id);
}

/** A refusal decided here, before any request: the same codes the server would send. */
export function refuse<T = never>(
  code: 'text_too_long' | 'invalid_input' | 'out_of_range',
  message: string,
): Result<T> {
  return fail({ code, message });
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** A point from the latitude and longitude columns, which are null together. */
export function geoPoint(lat: number | null, lng: number | null): GeoPoint | null {
  return lat !== null && lng !== null ? { lat, lng } : null;
}
