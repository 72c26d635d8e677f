// Staff decisions on a practitioner's registration (the verification review): which decisions
// exist, which need a reason, and how long a reason may be. The staff screens and the
// review-practitioner function check a request with the same rules; the database decides whether
// the move is legal from the profile's current state.

import { REVIEW_ACTIONS, VERIFICATION_STATUSES, isOneOf, type ReviewAction, type VerificationStatus } from './enums.ts';

/** Same limit as practitioners.status_reason in the database, counted in characters. */
export const REVIEW_REASON_MAX_LENGTH = 2000;

export function isReviewAction(value: unknown): value is ReviewAction {
  return isOneOf(REVIEW_ACTIONS, value);
}

/** A rejection or a suspension is explained to the practitioner; approvals need no words. */
export function reviewNeedsReason(action: ReviewAction): boolean {
  return action === 'reject' || action === 'suspend';
}

export interface ReviewRequest {
  practitionerId: string;
  action: ReviewAction;
  /** Trimmed; null for approve and reinstate, whose reason the database would drop anyway. */
  reason: string | null;
  /**
   * The state the decider saw; the database refuses the decision (stale_review) when the profile
   * has moved since, e.g. another staff member decided first. Absent: no such check.
   */
  expectedStatus?: VerificationStatus;
}

/** Per field of the request as sent (snake_case), a stable issue code the UI can translate. */
export type ReviewRequestIssues = {
  practitioner_id?: 'required' | 'invalid';
  action?: 'required' | 'invalid';
  reason?: 'required' | 'invalid' | 'too_long';
  expected_status?: 'invalid';
};

export type ReviewRequestCheck =
  { ok: true; value: ReviewRequest } | { ok: false; issues: ReviewRequestIssues };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Checks a decision as the API receives it (`{practitioner_id, action, reason?}`). */
export function checkReviewRequest(input: {
  practitioner_id?: unknown;
  action?: unknown;
  reason?: unknown;
  expected_status?: unknown;
}): ReviewRequestCheck {
  const issues: ReviewRequestIssues = {};

  const id = input.practitioner_id;
  if (id === undefined || id === null || id === '') issues.practitioner_id = 'required';
  else if (!isUuid(id)) issues.practitioner_id = 'invalid';

  const action = input.action;
  if (action === undefined || action === null || action === '') issues.action = 'required';
  else if (!isReviewAction(action)) issues.action = 'invalid';

  let reason: string | null = null;
  if (input.reason !== undefined && input.reason !== null && typeof input.reason !== 'string') {
    issues.reason = 'invalid';
  } else {
    reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    if ([...reason].length > REVIEW_REASON_MAX_LENGTH) issues.reason = 'too_long';
    else if (isReviewAction(action) && reviewNeedsReason(action) && reason === '') issues.reason = 'required';
  }

  const expected = input.expected_status;
  if (expected !== undefined && expected !== null && !isOneOf(VERIFICATION_STATUSES, expected)) {
    issues.expected_status = 'invalid';
  }

  if (Object.keys(issues).length > 0 || !isUuid(id) || !isReviewAction(action)) return { ok: false, issues };
  const value: ReviewRequest = {
    practitionerId: id.toLowerCase(),
    action,
    reason: reviewNeedsReason(action) ? reason : null,
  };
  if (isOneOf(VERIFICATION_STATUSES, expected)) value.expectedStatus = expected;
  return { ok: true, value };
}
