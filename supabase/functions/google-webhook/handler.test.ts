// google-webhook with fake deps: only a known channel carrying its own token triggers a pull;
// Google's first "sync" message is acknowledged without one.
import assert from 'node:assert/strict';
import { handler, sameSecret } from './handler.ts';

function setup() {
  const pulls: string[] = [];
  const h = handler({
    channel: async (id) =>
      id === 'ch-1' ? { practitionerId: 'p1', calendarId: 'cal', token: 'secret-token' } : null,
    pull: async (p, c) => void pulls.push(`${p}/${c}`),
    log: () => undefined,
  });
  const call = (headers: Record<string, string>) =>
    h(new Request('http://x/google-webhook', { method: 'POST', headers }));
  return { pulls, call };
}

Deno.test('a change on a known channel with its token pulls that calendar', async () => {
  const { pulls, call } = setup();
  const res = await call({
    'X-Goog-Channel-ID': 'ch-1',
    'X-Goog-Channel-Token': 'secret-token',
    'X-Goog-Resource-State': 'exists',
  });
  assert.equal(res.status, 200);
  assert.deepEqual(pulls, ['p1/cal']);
});

Deno.test('a wrong or missing token is refused and pulls nothing', async () => {
  const { pulls, call } = setup();
  for (const token of ['secret-tokeN', '', 'secret-token-longer']) {
    const res = await call({
      'X-Goog-Channel-ID': 'ch-1',
      'X-Goog-Channel-Token': token,
      'X-Goog-Resource-State': 'exists',
    });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error.code, 'forbidden');
  }
  assert.deepEqual(pulls, []);
});

Deno.test('an unknown channel is 404 and the first sync message pulls nothing', async () => {
  const { pulls, call } = setup();
  assert.equal((await call({ 'X-Goog-Channel-ID': 'nope', 'X-Goog-Channel-Token': 'x' })).status, 404);
  const sync = await call({
    'X-Goog-Channel-ID': 'ch-1',
    'X-Goog-Channel-Token': 'secret-token',
    'X-Goog-Resource-State': 'sync',
  });
  assert.equal(sync.status, 200);
  assert.deepEqual(pulls, []);
  assert.equal(sameSecret('a', 'a'), true);
  assert.equal(sameSecret('a', 'ab'), false);
});
