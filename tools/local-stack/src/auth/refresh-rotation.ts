// What to do with a presented refresh token. Each use rotates the token (the old one is revoked,
// a child is issued). A revoked token is tolerated only when the client plausibly lost the last
// response: it is the parent of the session's active token, or it was revoked moments ago. Any
// other reuse means the token leaked, so the whole session is ended.

export type RefreshDecision = { kind: 'rotate' } | { kind: 'return-active' } | { kind: 'reuse-detected' };

export interface PresentedToken {
  token: string;
  revoked: boolean;
  /** When the token was last written, i.e. revoked for a revoked token. */
  updatedAt: Date;
}

export interface ActiveToken {
  token: string;
  parent: string | null;
}

export function decideRefresh(
  presented: PresentedToken,
  active: ActiveToken | undefined,
  now: Date,
  reuseIntervalSeconds: number,
): RefreshDecision {
  if (!presented.revoked) return { kind: 'rotate' };
  if (active && active.parent === presented.token) return { kind: 'return-active' };
  const reuseUntil = presented.updatedAt.getTime() + reuseIntervalSeconds * 1000;
  if (active && now.getTime() <= reuseUntil) return { kind: 'return-active' };
  return { kind: 'reuse-detected' };
}
