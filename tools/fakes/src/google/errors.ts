// Google's JSON error body, shared by every Google API the fake speaks (Places now, Calendar
// later): `{ error: { code, message, status } }`, where `status` is the google.rpc code name.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http-util.ts';

const STATUS_BY_CODE: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  410: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** The google.rpc status name Google pairs with an HTTP status. */
export function rpcStatus(code: number): string {
  return STATUS_BY_CODE[code] ?? (code >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION');
}

export function sendGoogleError(
  res: ServerResponse,
  code: number,
  message: string,
  extra: object = {},
): void {
  sendJson(res, code, { error: { code, message, status: rpcStatus(code), ...extra } });
}
