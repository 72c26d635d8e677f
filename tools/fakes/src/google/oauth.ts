// Google's OAuth 2.0 endpoints as google-auth-library's OAuth2Client calls them (its `endpoints`
// pointed here): the consent page (`/auth`, an "Allow" button), `/token` (authorization_code with
// PKCE S256 and/or the client secret, refresh_token), `/revoke`. Errors as Google's token endpoint
// answers them: `{ error: 'invalid_grant', error_description }` with 400.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from '../html.ts';
import { readBody, sendJson } from '../http-util.ts';
import type { GoogleBook } from './control.ts';
import { randomId, type CalendarStore } from './calendar-store.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, subPath: string) => Promise<void>;

function consentPage(q: URLSearchParams): string {
  const e = escapeHtml;
  const hidden = [...q.entries()]
    .filter(([k]) => k !== 'login_hint')
    .map(([k, v]) => `<input type="hidden" name="${e(k)}" value="${e(v)}">`)
    .join('');
  const email = q.get('login_hint') ?? '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts (fake)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:Arial,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#202124}
label{display:block;margin:1rem 0 .25rem}input[type=email]{width:100%;padding:.5rem;font-size:1rem}
button{margin:1.5rem .5rem 0 0;padding:.6rem 1.2rem;font-size:1rem;border-radius:4px;border:1px solid #1a73e8}
.allow{background:#1a73e8;color:#fff}.deny{background:#fff;color:#1a73e8}</style></head><body>
<main><h1>Google (local fake)</h1>
<p>The application <strong>${e(q.get('client_id') ?? '')}</strong> wants to see and edit your calendars and events
(${e(q.get('scope') ?? '')}).</p>
<form method="get" action="approve">${hidden}
<label for="email">Google account</label>
<input id="email" name="login_hint" type="email" required value="${e(email)}" autocomplete="email">
<button class="allow" type="submit" name="decision" value="allow">Allow</button>
<button class="deny" type="submit" name="decision" value="deny" formnovalidate>Cancel</button>
</form></main></body></html>`;
}

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(302, { location: to, 'content-length': 0 });
  res.end();
}

const tokenError = (res: ServerResponse, error: string, description: string, status = 400) =>
  sendJson(res, status, { error, error_description: description });

export function createOAuthFake(book: GoogleBook, store: CalendarStore): Handler {
  return async (req, res, subPath) => {
    const url = new URL(req.url ?? '/', 'http://oauth.local');
    const path = subPath.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const q = url.searchParams;

    if (path === '/auth' && method === 'GET') {
      const missing = ['client_id', 'redirect_uri', 'response_type'].filter((k) => !q.get(k));
      if (missing.length > 0 || q.get('response_type') !== 'code') {
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><title>Error 400</title><p>Error 400: invalid_request (${escapeHtml(missing.join(', ') || 'response_type')})</p>`,
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(consentPage(q));
      return;
    }

    if (path === '/approve' && method === 'GET') {
      const target = new URL(q.get('redirect_uri') ?? '');
      const state = q.get('state');
      if (state) target.searchParams.set('state', state);
      const email = (q.get('login_hint') ?? '').trim().toLowerCase();
      if (q.get('decision') !== 'allow' || !email) {
        target.searchParams.set('error', 'access_denied');
        return redirect(res, target.href);
      }
      store.account(email);
      const code = `4/fake-code-${randomId()}`;
      store.codes.set(code, {
        account: email,
        clientId: q.get('client_id') ?? '',
        redirectUri: q.get('redirect_uri') ?? '',
        ...(q.get('code_challenge') && { challenge: q.get('code_challenge')! }),
        scope: q.get('scope') ?? '',
        expires: Date.now() + 10 * 60_000,
      });
      target.searchParams.set('code', code);
      target.searchParams.set('scope', q.get('scope') ?? '');
      return redirect(res, target.href);
    }

    if (path === '/token' && method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const grantType = form.get('grant_type');
      const account =
        grantType === 'refresh_token'
          ? (store.refreshTokens.get(form.get('refresh_token') ?? '')?.account ?? '')
          : (store.codes.get(form.get('code') ?? '')?.account ?? '');
      const rule = book.decide('oauth2', 'token', account || undefined);
      const record = (status: number) =>
        book.record({
          at: new Date().toISOString(),
          api: 'oauth2',
          operation: 'token',
          status,
          params: { grant_type: grantType ?? '', account },
          withKey: Boolean(form.get('client_secret')),
          ruleId: rule?.id ?? null,
        });
      if (rule?.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));
      if (rule?.status) {
        record(rule.status);
        return tokenError(
          res,
          rule.status >= 500 ? 'internal_failure' : 'invalid_request',
          'Injected by a test',
          rule.status,
        );
      }
      if (!form.get('client_id')) {
        record(401);
        return tokenError(res, 'invalid_client', 'The OAuth client was not found.', 401);
      }
      if (grantType === 'authorization_code') {
        const code = form.get('code') ?? '';
        const grant = store.codes.get(code);
        store.codes.delete(code); // a code works once
        const verifier = form.get('code_verifier');
        const challengeOk =
          !grant?.challenge ||
          (verifier !== null &&
            createHash('sha256').update(verifier).digest('base64url') === grant.challenge);
        if (
          !grant ||
          grant.expires < Date.now() ||
          grant.clientId !== form.get('client_id') ||
          grant.redirectUri !== form.get('redirect_uri') ||
          !challengeOk ||
          (!grant.challenge && !form.get('client_secret'))
        ) {
          record(400);
          return tokenError(res, 'invalid_grant', 'Bad Request');
        }
        const tokens = store.issueTokens(grant.account, grant.clientId, grant.scope);
        record(200);
        return sendJson(res, 200, {
          access_token: tokens.access,
          expires_in: 3599,
          refresh_token: tokens.refresh,
          scope: grant.scope,
          token_type: 'Bearer',
        });
      }
      if (grantType === 'refresh_token') {
        const token = form.get('refresh_token') ?? '';
        const grant = store.refreshTokens.get(token);
        if (!grant || grant.revoked) {
          record(400);
          return tokenError(res, 'invalid_grant', 'Token has been expired or revoked.');
        }
        record(200);
        return sendJson(res, 200, {
          access_token: store.issueAccess(grant.account, token),
          expires_in: 3599,
          scope: grant.scope,
          token_type: 'Bearer',
        });
      }
      record(400);
      return tokenError(res, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
    }

    if (path === '/revoke' && (method === 'POST' || method === 'GET')) {
      const body = method === 'POST' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
      const token = q.get('token') ?? body.get('token') ?? '';
      const refresh =
        store.refreshTokens.get(token) ??
        store.refreshTokens.get(store.accessTokens.get(token)?.refreshToken ?? '');
      book.record({
        at: new Date().toISOString(),
        api: 'oauth2',
        operation: 'revoke',
        status: refresh && !refresh.revoked ? 200 : 400,
        params: { account: refresh?.account ?? '' },
        withKey: false,
        ruleId: null,
      });
      if (!refresh || refresh.revoked) return tokenError(res, 'invalid_token', 'Token expired or revoked');
      refresh.revoked = true;
      return sendJson(res, 200, {});
    }

    return sendJson(res, 404, { error: 'not_found', error_description: `No OAuth route ${method} ${path}` });
  };
}
