// review-practitioner: staff decisions on a practitioner's verification, and audited access to the
// documents they submitted. The function is thin on purpose: it checks the request, then calls the
// database as the caller, where RLS, the state-machine trigger, the audit log and the outbox decide
// and record everything in one transaction.
//   POST /review-practitioner                    {practitioner_id, action, reason?, expected_status?} -> {practitioner}
//   GET  /review-practitioner/documents/<id>     -> {url, expires_in} (a signed URL to the file)
import {
  apiError,
  type DbError,
  fromDbError,
  internalError,
  methodNotAllowed,
  notAuthenticated,
} from '../_shared/api-error.ts';
import type { ServerRefusalCode } from '../_shared/domain/index.ts';
import { preflight } from '../_shared/cors.ts';
import { checkReviewRequest, isUuid, type ReviewRequest } from '../_shared/domain/index.ts';
import { bearerToken, json } from '../_shared/http.ts';
import type { StaffLookup } from '../_shared/staff.ts';

export type DbResult<T> = { data: T; error: null } | { data: null; error: DbError };

/** Long enough to open the file from the staff screen, short enough that a leaked link dies fast. */
export const DOCUMENT_URL_SECONDS = 60;

export interface ReviewPractitionerDeps {
  /** Who the JWT belongs to and whether they are staff, asked as that user. */
  lookUpStaff(jwt: string): Promise<StaffLookup>;
  /** `review_practitioner` called with the caller's JWT; the updated row on success. */
  review(jwt: string, request: ReviewRequest): Promise<DbResult<Record<string, unknown>>>;
  /** `open_verification_document` called with the caller's JWT: audits the read, gives the object path. */
  openDocument(jwt: string, documentId: string): Promise<DbResult<string>>;
  /** A signed URL to an object of the private bucket, or null when no such object exists. */
  signDocument(objectPath: string, expiresIn: number): Promise<string | null>;
  log?: (line: string) => void;
}

type Route = { kind: 'review' } | { kind: 'document'; id: string } | { kind: 'unknown' };

function route(req: Request): Route {
  const segments = new URL(req.url).pathname.split('/').filter(Boolean);
  // The runtime hands the function its own path (/review-practitioner/...).
  if (segments[0] === 'review-practitioner') segments.shift();
  if (segments.length === 0) return { kind: 'review' };
  if (segments.length === 2 && segments[0] === 'documents')
    return { kind: 'document', id: segments[1] ?? '' };
  return { kind: 'unknown' };
}

function describeIssues(issues: Record<string, string>): string {
  const parts = Object.entries(issues).map(([field, issue]) => `${field} is ${issue.replace('_', ' ')}`);
  return `Invalid request: ${parts.join(', ')}.`;
}

function invalid(fields: Record<string, string>): Response {
  return apiError(400, { code: 'invalid_input', message: describeIssues(fields), fields });
}

export function handler(deps: ReviewPractitionerDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;

  /** The database's clear answer for PTxyz errors; anything else is ours to log, not to show. */
  const fromDb = (error: DbError, codes: Record<number, ServerRefusalCode> = {}) =>
    fromDbError(error, { fn: 'review-practitioner', log, codes });

  async function review(req: Request, jwt: string): Promise<Response> {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      return apiError(400, { code: 'invalid_json', message: 'The body must be a JSON object.' });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return apiError(400, { code: 'invalid_json', message: 'The body must be a JSON object.' });
    }
    const checked = checkReviewRequest(body as Record<string, unknown>);
    if (!checked.ok) return invalid(checked.issues);

    const { data, error } = await deps.review(jwt, checked.value);
    if (error) return fromDb(error, { 409: 'illegal_transition' });
    return json({ practitioner: data });
  }

  async function openDocument(id: string, jwt: string): Promise<Response> {
    if (!isUuid(id)) return invalid({ document_id: 'invalid' });
    const { data: objectPath, error } = await deps.openDocument(jwt, id.toLowerCase());
    if (error) return fromDb(error);
    const url = await deps.signDocument(objectPath, DOCUMENT_URL_SECONDS);
    if (url === null) {
      return apiError(404, {
        code: 'document_file_missing',
        message: 'The file of this document is missing from storage.',
      });
    }
    // A signed URL is a short-lived credential: no cache may keep it.
    return json({ url, expires_in: DOCUMENT_URL_SECONDS }, 200, { 'Cache-Control': 'no-store' });
  }

  return async (req) => {
    const early = preflight(req);
    if (early) return early;
    const jwt = bearerToken(req);
    if (!jwt) return notAuthenticated();
    try {
      // Staff first: nobody else learns anything, not even which routes or fields exist.
      const caller = await deps.lookUpStaff(jwt);
      if (caller.status === 'no-user') return notAuthenticated();
      if (!caller.staff)
        return apiError(403, { code: 'staff_only', message: 'Only staff can review practitioners.' });

      const target = route(req);
      switch (target.kind) {
        case 'review':
          if (req.method !== 'POST') return methodNotAllowed(['POST']);
          return await review(req, jwt);
        case 'document':
          if (req.method !== 'GET') return methodNotAllowed(['GET']);
          return await openDocument(target.id, jwt);
        case 'unknown':
          return apiError(404, { code: 'not_found', message: 'No such route.' });
      }
    } catch (error) {
      return internalError(log, 'review-practitioner', error);
    }
  };
}
