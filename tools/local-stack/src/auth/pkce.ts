// PKCE for e-mail links (supabase-js `flowType: 'pkce'`): the request that mails a link records a
// code challenge in auth.flow_state; following the link yields `?code=`, which the same browser
// exchanges at /token?grant_type=pkce with the code verifier.
import { randomUUID } from 'node:crypto';
import type { Db } from './db.ts';
import { badRequest, notFound, unprocessable } from './errors.ts';
import { str } from './http.ts';
import type { AuthMethod } from './issue-session.ts';
import { s256Challenge } from './secrets.ts';

export interface PkceParams {
  challenge: string;
  method: 's256' | 'plain';
}

/** The code challenge of a request body, validated as GoTrue does; undefined for implicit flow. */
export function readPkceParams(body: Record<string, unknown>): PkceParams | undefined {
  const challenge = str(body, 'code_challenge');
  const method = str(body, 'code_challenge_method').toLowerCase();
  if ((challenge === '') !== (method === '')) {
    throw badRequest('validation_failed', 'PKCE flow requires code_challenge_method and code_challenge');
  }
  if (challenge === '') return undefined;
  if (challenge.length < 43 || challenge.length > 128) {
    throw badRequest('validation_failed', 'code challenge has to be between 43 and 128 characters');
  }
  if (!/^[a-zA-Z._~0-9-]+$/.test(challenge)) {
    throw badRequest(
      'validation_failed',
      'code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes',
    );
  }
  if (method !== 's256' && method !== 'plain')
    throw badRequest('validation_failed', 'code challenge method not supported');
  return { challenge, method };
}

export async function createFlowState(
  db: Db,
  userId: string,
  pkce: PkceParams,
  method: AuthMethod,
): Promise<void> {
  await db.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
       authentication_method, created_at, updated_at)
     values ($1, $2, $3, $4, $5, 'email', $6, now(), now())`,
    [randomUUID(), userId, randomUUID(), pkce.method, pkce.challenge, method],
  );
}

/** After a PKCE link was verified: the auth code to put in the redirect. */
export async function issueAuthCode(db: Db, userId: string, method: AuthMethod): Promise<string> {
  const { rows } = await db.query<{ id: string; auth_code: string }>(
    `select id, auth_code from auth.flow_state where user_id = $1 and authentication_method = $2
     order by created_at desc limit 1`,
    [userId, method],
  );
  const flow = rows[0];
  if (!flow) throw unprocessable('flow_state_not_found', 'No valid flow state found for user.');
  await db.query('update auth.flow_state set auth_code_issued_at = now(), updated_at = now() where id = $1', [
    flow.id,
  ]);
  return flow.auth_code;
}

/** Consumes an auth code; returns whose it was and how they authenticated. */
export async function exchangeAuthCode(
  db: Db,
  authCode: string,
  verifier: string,
  expiryMs: number,
): Promise<{ userId: string; method: AuthMethod }> {
  if (!authCode || !verifier) {
    throw badRequest(
      'validation_failed',
      'invalid request: both auth code and code verifier should be non-empty',
    );
  }
  const { rows } = await db.query<{
    id: string;
    user_id: string | null;
    code_challenge: string;
    code_challenge_method: string;
    authentication_method: AuthMethod;
    started: Date;
  }>(
    `select id, user_id, code_challenge, code_challenge_method::text, authentication_method,
            coalesce(auth_code_issued_at, created_at) as started
       from auth.flow_state where auth_code = $1 for update`,
    [authCode],
  );
  const flow = rows[0];
  if (!flow?.user_id) throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
  if (Date.now() > flow.started.getTime() + expiryMs) {
    throw unprocessable('flow_state_expired', 'invalid flow state, flow state has expired');
  }
  const expected = flow.code_challenge_method === 's256' ? s256Challenge(verifier) : verifier;
  if (expected !== flow.code_challenge) {
    throw badRequest('bad_code_verifier', 'code challenge does not match previously saved code verifier');
  }
  await db.query('delete from auth.flow_state where id = $1', [flow.id]);
  return { userId: flow.user_id, method: flow.authentication_method };
}
