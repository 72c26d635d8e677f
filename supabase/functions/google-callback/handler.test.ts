// google-callback with fake deps: a state is the only way in; every outcome lands on the
// Integrations page with a word the page translates.
import assert from 'node:assert/strict';
import { type CallbackDeps, handler } from './handler.ts';

const STATE = 's'.repeat(43);

function setup(overrides: Partial<CallbackDeps> = {}) {
  const connected: string[] = [];
  const h = handler({
    appUrl: 'https://pro.example/',
    takeState: async (state) => (state === STATE ? { practitionerId: 'p1', verifier: 'v'.repeat(43) } : null),
    exchange: async (code) => ({ refreshToken: code === 'no-refresh' ? null : 'rt', accessToken: 'at' }),
    connect: async (p) => void connected.push(p),
    firstSync: async () => undefined,
    log: () => undefined,
    ...overrides,
  });
  const go = async (query: string) =>
    (await h(new Request(`http://x/google-callback?${query}`))).headers.get('location');
  return { connected, go };
}

Deno.test('a valid state and code connect the practitioner', async () => {
  const { connected, go } = setup();
  assert.equal(await go(`code=c&state=${STATE}`), 'https://pro.example/integrations?google=connected');
  assert.deepEqual(connected, ['p1']);
});

Deno.test('an unknown, missing or short state changes nothing', async () => {
  const { connected, go } = setup();
  for (const q of ['code=c', 'code=c&state=short', `code=c&state=${'x'.repeat(43)}`])
    assert.equal(await go(q), 'https://pro.example/integrations?google=expired');
  assert.deepEqual(connected, []);
});

Deno.test(
  'a refusal on the consent screen, a missing refresh token or a failed exchange say so',
  async () => {
    assert.equal(
      await setup().go(`error=access_denied&state=${STATE}`),
      'https://pro.example/integrations?google=denied',
    );
    assert.equal(
      await setup().go(`code=no-refresh&state=${STATE}`),
      'https://pro.example/integrations?google=failed',
    );
    const failing = setup({ exchange: () => Promise.reject(new Error('invalid_grant')) });
    assert.equal(await failing.go(`code=c&state=${STATE}`), 'https://pro.example/integrations?google=failed');
  },
);

Deno.test('a failed first sync still lands connected (the job retries it)', async () => {
  const { go } = setup({ firstSync: () => Promise.reject(new Error('429')) });
  assert.equal(await go(`code=c&state=${STATE}`), 'https://pro.example/integrations?google=connected');
});
