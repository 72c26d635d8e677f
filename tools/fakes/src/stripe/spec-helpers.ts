// Shared set-up for the Stripe fake's specs: the fakes on free ports, the official SDK pointed at
// them, the control API, and a tiny webhook receiver that verifies signatures with the SDK.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startTestFakes, type TestFakes } from '../testing.ts';
import { stripeControl, type StripeControl } from './control-client.ts';

export interface StripeTestbed {
  fakes: TestFakes;
  stripe: Stripe;
  port: number;
  control: StripeControl;
}

export async function startStripeTestbed(root?: string): Promise<StripeTestbed> {
  const fakes = await startTestFakes(root);
  const port = Number(new URL(fakes.fakesUrl).port);
  const stripe = new Stripe('sk_test_local_fake', {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const control = stripeControl(fakes.fakesUrl);
  return { fakes, stripe, port, control };
}

/** POSTs an HTML form the way a browser does, without following the redirect. */
export async function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

export interface Receiver {
  url: string;
  secret: string;
  /** Events whose signature verified, in arrival order. */
  received: Stripe.Event[];
  /** Deliveries refused (bad signature), with the SDK's message. */
  rejected: string[];
  /** Status to answer to the next N verified deliveries instead of 200. */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

export async function startReceiver(secret = 'whsec_test_receiver'): Promise<Receiver> {
  const received: Stripe.Event[] = [];
  const rejected: string[] = [];
  let failures = 0;
  let failStatus = 500;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      Stripe.webhooks
        .constructEventAsync(raw, String(req.headers['stripe-signature'] ?? ''), secret)
        .then((event) => {
          if (failures > 0) {
            failures -= 1;
            res.writeHead(failStatus).end();
            return;
          }
          received.push(event);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
        })
        .catch((error: unknown) => {
          rejected.push(error instanceof Error ? error.message : String(error));
          res.writeHead(400).end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stripe-webhook`,
    secret,
    received,
    rejected,
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
