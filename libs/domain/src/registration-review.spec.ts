import { describe, expect, it } from 'vitest';
import {
  checkReviewRequest,
  isReviewAction,
  isUuid,
  REVIEW_REASON_MAX_LENGTH,
  reviewNeedsReason,
} from './registration-review.ts';
import { REVIEW_ACTIONS } from './enums.ts';

const id = '3f2b8c1e-5d4a-4c6b-9e8f-1a2b3c4d5e6f';

describe('review actions', () => {
  it('needs a reason exactly for reject and suspend', () => {
    expect(REVIEW_ACTIONS.filter(reviewNeedsReason)).toEqual(['reject', 'suspend']);
  });

  it('recognises only the four actions', () => {
    expect(REVIEW_ACTIONS.every(isReviewAction)).toBe(true);
    expect(['verify', 'APPROVE', '', null].some(isReviewAction)).toBe(false);
  });
});

describe('isUuid', () => {
  it('accepts canonical UUIDs in either case, nothing else', () => {
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
    expect(isUuid(id.replaceAll('-', ''))).toBe(false);
    expect(isUuid(`${id}x`)).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});

describe('checkReviewRequest', () => {
  it('accepts an approval and drops any reason', () => {
    expect(checkReviewRequest({ practitioner_id: id, action: 'approve', reason: 'looks fine' })).toEqual({
      ok: true,
      value: { practitionerId: id, action: 'approve', reason: null },
    });
  });

  it('keeps the trimmed reason of a rejection or suspension', () => {
    expect(
      checkReviewRequest({
        practitioner_id: id.toUpperCase(),
        action: 'suspend',
        reason: '  Expired registration ',
      }),
    ).toEqual({
      ok: true,
      value: { practitionerId: id, action: 'suspend', reason: 'Expired registration' },
    });
  });

  it('requires a reason to reject or suspend', () => {
    for (const action of ['reject', 'suspend']) {
      expect(checkReviewRequest({ practitioner_id: id, action })).toEqual({
        ok: false,
        issues: { reason: 'required' },
      });
      expect(checkReviewRequest({ practitioner_id: id, action, reason: ' \n ' })).toEqual({
        ok: false,
        issues: { reason: 'required' },
      });
    }
  });

  it('caps the reason at the database limit, counted in characters', () => {
    const atLimit = 'é'.repeat(REVIEW_REASON_MAX_LENGTH);
    expect(checkReviewRequest({ practitioner_id: id, action: 'reject', reason: atLimit }).ok).toBe(true);
    expect(checkReviewRequest({ practitioner_id: id, action: 'reject', reason: `${atLimit}x` })).toEqual({
      ok: false,
      issues: { reason: 'too_long' },
    });
  });

  it('carries the state the decider saw, and refuses one that is no state', () => {
    expect(checkReviewRequest({ practitioner_id: id, action: 'approve', expected_status: 'submitted' })).toEqual({
      ok: true,
      value: { practitionerId: id, action: 'approve', reason: null, expectedStatus: 'submitted' },
    });
    expect(checkReviewRequest({ practitioner_id: id, action: 'approve', expected_status: 'pending' })).toEqual({
      ok: false,
      issues: { expected_status: 'invalid' },
    });
  });

  it('reports every field at once', () => {
    expect(checkReviewRequest({})).toEqual({
      ok: false,
      issues: { practitioner_id: 'required', action: 'required' },
    });
    expect(checkReviewRequest({ practitioner_id: 'nope', action: 'delete', reason: 12 })).toEqual({
      ok: false,
      issues: { practitioner_id: 'invalid', action: 'invalid', reason: 'invalid' },
    });
  });
});
