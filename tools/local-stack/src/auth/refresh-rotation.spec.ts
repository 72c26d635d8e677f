import { describe, expect, it } from 'vitest';
import { decideRefresh } from './refresh-rotation.ts';

const now = new Date('2026-01-01T12:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe('decideRefresh', () => {
  it('rotates a token that was never used', () => {
    expect(
      decideRefresh({ token: 'a', revoked: false, updatedAt: secondsAgo(999) }, undefined, now, 10),
    ).toEqual({ kind: 'rotate' });
  });

  it('hands back the active token when the presented one is its parent (the client lost the answer)', () => {
    const decision = decideRefresh(
      { token: 'a', revoked: true, updatedAt: secondsAgo(3600) },
      { token: 'b', parent: 'a' },
      now,
      10,
    );
    expect(decision).toEqual({ kind: 'return-active' });
  });

  it('tolerates an older revoked token within the reuse interval (concurrent refreshes)', () => {
    const decision = decideRefresh(
      { token: 'a', revoked: true, updatedAt: secondsAgo(5) },
      { token: 'c', parent: 'b' },
      now,
      10,
    );
    expect(decision).toEqual({ kind: 'return-active' });
  });

  it('detects reuse of an older token after the interval', () => {
    const decision = decideRefresh(
      { token: 'a', revoked: true, updatedAt: secondsAgo(11) },
      { token: 'c', parent: 'b' },
      now,
      10,
    );
    expect(decision).toEqual({ kind: 'reuse-detected' });
  });

  it('detects reuse when the session has no active token left', () => {
    expect(
      decideRefresh({ token: 'a', revoked: true, updatedAt: secondsAgo(1) }, undefined, now, 10),
    ).toEqual({ kind: 'reuse-detected' });
  });
});
