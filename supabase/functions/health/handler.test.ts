// health's handler with a fake database ping: no network, no database.
import assert from 'node:assert/strict';
import { handler, type HealthDeps } from './handler.ts';

const now = () => new Date('2026-12-06T09:30:00.000Z');

function fake(ping: HealthDeps['pingDatabase'], timeoutMs?: number) {
  const logged: string[] = [];
  const deps: HealthDeps = { pingDatabase: ping, now, log: (line) => logged.push(line), timeoutMs };
  return { logged, health: handler(deps) };
}

const get = (method = 'GET') => new Request('http://localhost/health', { method });

Deno.test('answers 200 with ok, the time and database ok when the database answers', async () => {
  let pings = 0;
  const { health, logged } = fake(() => {
    pings++;
    return Promise.resolve();
  });
  const res = await health(get());
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true, time: '2026-12-06T09:30:00.000Z', database: 'ok' });
  assert.equal(pings, 1);
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
  assert.deepEqual(logged, []);
});

Deno.test('answers HEAD like GET, for monitors that only read the status', async () => {
  const res = await fake(() => Promise.resolve()).health(get('HEAD'));
  assert.equal(res.status, 200);
  await res.body?.cancel();
});

Deno.test('answers 503 in the one error shape when the database refuses, and logs why', async () => {
  const { health, logged } = fake(() => Promise.reject(new Error('PGRST001 Database client error')));
  const res = await health(get());
  assert.equal(res.status, 503);
  assert.deepEqual(await res.json(), {
    ok: false,
    time: '2026-12-06T09:30:00.000Z',
    database: 'unreachable',
    error: { code: 'database_unreachable', message: 'The database did not answer; try again shortly.' },
  });
  assert.deepEqual(logged, ['health: the database did not answer: PGRST001 Database client error']);
});

Deno.test('answers 503 after the timeout when the database hangs, and aborts the ping', async () => {
  let aborted = false;
  const { health, logged } = fake(
    (signal) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        });
      }),
    20,
  );
  const started = performance.now();
  const res = await health(get());
  assert.equal(res.status, 503);
  assert.equal((await res.json()).database, 'unreachable');
  assert.ok(performance.now() - started < 1000);
  assert.ok(aborted);
  assert.deepEqual(logged, ['health: the database did not answer within 20 ms']);
});

Deno.test('answers 405 with Allow to other methods, without pinging', async () => {
  let pings = 0;
  const res = await fake(() => {
    pings++;
    return Promise.resolve();
  }).health(get('POST'));
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('Allow'), 'GET, HEAD');
  assert.deepEqual(await res.json(), { error: { code: 'method_not_allowed', message: 'Use GET or HEAD.' } });
  assert.equal(pings, 0);
});

Deno.test('answers a CORS preflight without pinging', async () => {
  let pings = 0;
  const res = await fake(() => {
    pings++;
    return Promise.resolve();
  }).health(get('OPTIONS'));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
  assert.equal(pings, 0);
  await res.body?.cancel();
});
