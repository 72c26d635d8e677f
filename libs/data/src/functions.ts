// Calls to our edge functions through supabase-js (`functions.invoke`), turned into a Result: the
// function's `{ error: { code } }` when it answered one, else a code read from the status.
import { FunctionsFetchError, FunctionsHttpError, FunctionsRelayError } from '@supabase/supabase-js';
import { isServerRefusalCode } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { mapUnknownError } from './errors.ts';
import { fail, ok, type DataError, type DataErrorCode, type Result } from './result.ts';

function byStatus(status: number): DataErrorCode {
  if (status >= 500) return 'network';
  if (status === 401) return 'not_authenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 409) return 'already_exists';
  return status >= 400 && status < 500 ? 'invalid_input' : 'unknown';
}

/** A function's error answer (`{ error: { code, message } }`) as a DataError. */
export async function mapFunctionsError(error: unknown): Promise<DataError> {
  if (error instanceof FunctionsHttpError) {
    const response = error.context as Response;
    const status = response.status;
    type ErrorBody = { error?: { code?: unknown; message?: unknown } } | null;
    const body: ErrorBody = await response.json().then(
      (v: unknown) => v as ErrorBody,
      () => null,
    );
    const code = body?.error?.code;
    const text = body?.error?.message;
    const message = typeof text === 'string' ? text : error.message;
    // Failures that are ours (internal_error, database_unreachable) read as "try again".
    return { code: isServerRefusalCode(code) ? code : byStatus(status), message, status };
  }
  if (error instanceof FunctionsFetchError || error instanceof FunctionsRelayError) {
    return { code: 'network', message: error.message };
  }
  return mapUnknownError(error);
}

/** Invokes `/functions/v1/<path>` as the signed-in user; `check` validates the JSON answer. */
export async function callFunction<T>(
  client: CarebookClient,
  path: string,
  options: { method: 'GET' | 'POST'; body?: Record<string, unknown> },
  check: (data: unknown) => T | null,
): Promise<Result<T>> {
  try {
    const { data, error } = await client.functions.invoke(path, {
      method: options.method,
      ...(options.body && { body: options.body }),
    });
    if (error) return fail(await mapFunctionsError(error));
    const checked = check(data);
    return checked === null
      ? fail({ code: 'unexpected_data', message: `${path}: unexpected answer` })
      : ok(checked);
  } catch (error) {
    return fail(mapUnknownError(error));
  }
}
