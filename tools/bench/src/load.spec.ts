import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive, type HttpCall } from './load.ts';

// A local server that answers by path: /ok 200, /taken 409, /broken 500; it records concurrency.
let server: http.Server;
let baseUrl: string;
let inFlight = 0;
let maxInFlight = 0;
const sockets = new Set<string>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    sockets.add(`${req.socket.remotePort}`);
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        inFlight--;
        const status = req.url === '/ok' ? 200 : req.url === '/taken' ? 409 : 500;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ path: req.url }));
      }, 2),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const call = (path: string): HttpCall => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json' },
  body: '{}',
});

describe('drive', () => {
  it('sends each list once, with one connection per client, and classifies the answers', async () => {
    maxInFlight = 0;
    sockets.clear();
    const clients = [
      [call('/ok'), call('/ok'), call('/taken')],
      [call('/ok'), call('/broken')],
      [call('/ok'), call('/ok')],
    ];
    const outcome = await drive({ baseUrl, clients });
    expect(outcome).toMatchObject({ ok: 5, conflicts: 1, errors: 1 });
    expect(outcome.latencies).toHaveLength(7);
    expect(outcome.samples).toEqual([expect.stringMatching(/^500 \/broken: /)]);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(sockets.size).toBeLessThanOrEqual(3);
  });

  it('cycles through the lists for the given time when told to', async () => {
    const outcome = await drive({ baseUrl, clients: [[call('/ok')], [call('/ok')]], seconds: 0.3 });
    expect(outcome.ok).toBeGreaterThan(10);
    expect(outcome.errors).toBe(0);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(300);
  });

  it('counts a refused connection as an error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await drive({ baseUrl: `http://127.0.0.1:${port}`, clients: [[call('/ok')]] });
    expect(outcome).toMatchObject({ ok: 0, errors: 1 });
    expect(outcome.samples[0]).toMatch(/^network /);
  });
});
