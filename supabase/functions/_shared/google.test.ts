// What a Google failure means for us, the retry policy, and refresh tokens at rest.
import assert from 'node:assert/strict';
import { classify, withRetry } from './google.ts';
import { decryptToken, encryptToken, importTokenKey } from './token-crypto.ts';

const gaxios = (status: number, data: unknown) => ({
  message: `status ${status}`,
  response: { status, data, headers: new Headers() },
});

Deno.test(
  'classify: invalid_grant breaks, rate limits and 5xx are transient, 400 is permanent, 410 stale',
  () => {
    assert.equal(
      classify(
        gaxios(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
      ).kind,
      'broken',
    );
    assert.equal(
      classify(gaxios(429, { error: { errors: [{ reason: 'rateLimitExceeded' }] } })).kind,
      'transient',
    );
    assert.equal(
      classify(gaxios(403, { error: { errors: [{ reason: 'rateLimitExceeded' }] } })).kind,
      'transient',
    );
    assert.equal(classify(gaxios(403, { error: { errors: [{ reason: 'forbidden' }] } })).kind, 'permanent');
    assert.equal(classify(gaxios(503, {})).kind, 'transient');
    assert.equal(classify(gaxios(400, { error: { errors: [{ reason: 'invalid' }] } })).kind, 'permanent');
    assert.equal(
      classify(gaxios(410, { error: { errors: [{ reason: 'fullSyncRequired' }] } })).kind,
      'stale',
    );
    assert.equal(classify(gaxios(410, { error: { errors: [{ reason: 'deleted' }] } })).kind, 'gone');
    assert.equal(classify(new Error('The operation was aborted due to timeout')).kind, 'transient');
  },
);

Deno.test('withRetry: capped, growing waits for transient failures only', async () => {
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  let calls = 0;
  const answer = await withRetry(
    async () => {
      if (++calls < 4) throw gaxios(500, {});
      return 'ok';
    },
    { attempts: 5, baseMs: 100, capMs: 250, sleep },
  );
  assert.equal(answer, 'ok');
  assert.equal(waits.length, 3);
  assert.ok(waits[0]! >= 75 && waits[0]! <= 125);
  assert.ok(waits[2]! <= 250 * 1.25);
  let refused = 0;
  await assert.rejects(
    withRetry(
      async () => {
        refused++;
        throw gaxios(400, {});
      },
      { attempts: 5, baseMs: 1, capMs: 1, sleep },
    ),
  );
  assert.equal(refused, 1);
});

Deno.test('tokens at rest: round trip, fresh IV each time, bound to their owner', async () => {
  const key = await importTokenKey(btoa('k'.repeat(32)));
  const a = await encryptToken(key, '1//refresh-token', 'practitioner-1');
  const b = await encryptToken(key, '1//refresh-token', 'practitioner-1');
  assert.notEqual(a, b);
  assert.ok(!atob(a).includes('refresh-token'));
  assert.equal(await decryptToken(key, a, 'practitioner-1'), '1//refresh-token');
  await assert.rejects(decryptToken(key, a, 'practitioner-2'));
  await assert.rejects(importTokenKey(btoa('short')));
});
