// A small bounded load generator: N concurrent clients, each on its own keep-alive connection,
// sending its own list of requests (once, or round and round for some seconds). It runs in a
// worker thread because the stack's gateway, auth and storage servers live on the main thread
// of this process: sharing one event loop would add the client's work to every latency.
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import type { Outcome } from './stats.ts';

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Another port on the same host than the plan's base URL (a service behind the gateway). */
  port?: number;
}

export interface LoadPlan {
  baseUrl: string;
  /** One list per concurrent client. */
  clients: HttpCall[][];
  /** Cycle through each list for this long; without it every list is sent exactly once. */
  seconds?: number;
}

const MAX_SAMPLES = 5;

function send(agent: http.Agent, base: URL, call: HttpCall): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const body = call.body ?? '';
    const req = http.request(
      {
        host: base.hostname,
        port: call.port ?? base.port,
        method: call.method,
        path: call.path,
        agent,
        headers: { ...call.headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (err) => resolve({ status: 0, body: err.message }));
      },
    );
    req.on('error', (err) => resolve({ status: 0, body: err.message }));
    req.end(body);
  });
}

/** Runs a plan in this thread and measures every request. */
export async function drive(plan: LoadPlan): Promise<Outcome> {
  const base = new URL(plan.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.clients.length });
  const latencies: number[] = [];
  const samples: string[] = [];
  let ok = 0;
  let conflicts = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = plan.seconds === undefined ? Infinity : started + plan.seconds * 1000;
  await Promise.all(
    plan.clients.map(async (calls) => {
      if (calls.length === 0) return;
      for (let i = 0; plan.seconds === undefined ? i < calls.length : performance.now() < deadline; i++) {
        const call = calls[i % calls.length]!;
        const t0 = performance.now();
        const res = await send(agent, base, call);
        latencies.push(performance.now() - t0);
        if (res.status >= 200 && res.status < 300) ok++;
        else if (res.status === 409) conflicts++;
        else {
          errors++;
          if (samples.length < MAX_SAMPLES)
            samples.push(`${res.status || 'network'} ${call.path}: ${res.body.slice(0, 300)}`);
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { latencies, ok, conflicts, errors, elapsedMs, samples };
}

/** Runs a plan in a worker thread (see the header) and hands back its outcome. */
export function runLoad(plan: LoadPlan): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: plan });
    worker.once('message', (outcome: Outcome) => {
      resolve(outcome);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load worker exited with code ${code}`));
    });
  });
}
