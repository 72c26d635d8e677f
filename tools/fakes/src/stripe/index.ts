// The Stripe fake: the REST API the `stripe` SDK calls (answered at /v1 on the fakes server, because
// the SDK has no base-path option: it always calls <host>:<port>/v1/...), plus, under /stripe, the
// pages a person uses (Checkout, bank, Billing Portal, invoices, receipts) and the control API tests
// drive it with. See tools/fakes/README.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../http-util.ts';
import type { Logger } from '../types.ts';
import { catalogRoutes } from './catalog.ts';
import {
  checkoutRoutes,
  expireDueSessions,
  paySession,
  settleDelayedPayment,
  type PayChoice,
} from './checkout.ts';
import { expand, type Ctx, type Route } from './context.ts';
import { customerRoutes, setDefaultCard } from './customers.ts';
import { StripeApiError } from './errors.ts';
import { API_VERSION, EventBus, type DeliverOptions } from './events.ts';
import { canonicalForm, parseForm, type FormObject } from './form.ts';
import {
  bankPage,
  checkoutPage,
  invoiceLines,
  invoicePage,
  PAGE_CSP,
  portalPage,
  receiptPage,
} from './pages.ts';
import { paymentRoutes, settleDueRefunds, settleRefund } from './payments.ts';
import { eventRoutes, portalRoutes, testClockRoutes } from './portal.ts';
import { renderPdf } from './pdf.ts';
import { runDue } from './billing.ts';
import {
  DEFAULT_SETTINGS,
  newId,
  nowSeconds,
  StripeState,
  type Settings,
  type StripeObject,
} from './state.ts';
import { subscriptionRoutes, updateSubscription } from './subscriptions.ts';

export { signPayload, API_VERSION } from './events.ts';
export type { StripeEvent, Delivery, Settings, WebhookEndpoint } from './state.ts';

const ROUTES: Route[] = [
  ...customerRoutes,
  ...catalogRoutes,
  ...checkoutRoutes,
  ...portalRoutes,
  ...subscriptionRoutes,
  ...paymentRoutes,
  ...eventRoutes,
  ...testClockRoutes,
];

export interface StripeFakeOptions {
  /** JSON file holding the state; null keeps it in memory only. */
  file: string | null;
  log: Logger;
  /** A webhook endpoint configured at start (the stack passes STRIPE_WEBHOOK_URL / _SECRET). */
  webhook?: { url: string; secret: string };
}

type Handler = (req: IncomingMessage, res: ServerResponse, subPath: string) => Promise<void>;

export interface StripeFake {
  /** Serves /v1/... (mount at "/v1"). */
  api: Handler;
  /** Serves pages, the control API, and /stripe/v1/... as an alias of the API (mount at "/stripe"). */
  site: Handler;
  state: StripeState;
  events: EventBus;
  /** The URL pages are linked from when no request says otherwise (timer-driven renewals). */
  setPublicUrl(url: string): void;
  stop(): void;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': PAGE_CSP,
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': 0 });
  res.end();
}

function hostUrl(req: IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

async function readParams(req: IncomingMessage): Promise<FormObject> {
  const raw = await readBody(req);
  if (raw.trim() === '') return {};
  if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(raw) as FormObject;
  return parseForm(raw);
}

export function createStripeFake(options: StripeFakeOptions): StripeFake {
  const state = new StripeState(options.file);
  const events = new EventBus(state, options.log);
  if (options.webhook) {
    state.endpoints.push({
      id: newId('we'),
      url: options.webhook.url,
      secret: options.webhook.secret,
      enabled_events: ['*'],
    });
  }
  events.start();
  let publicUrl = '';

  const context = (
    req: IncomingMessage | null,
    request: Ctx['request'] = { id: null, idempotency_key: null },
  ): Ctx => {
    if (req) publicUrl = hostUrl(req);
    return { state, events, publicUrl, request, log: options.log };
  };

  /** Lets time pass: sessions expire, refunds settle, real-time subscriptions renew. */
  const tick = (ctx: Ctx) => {
    const changed = [expireDueSessions(ctx), settleDueRefunds(ctx), runDue(ctx, null, nowSeconds())].some(
      Boolean,
    );
    if (changed) state.save();
  };
  const timer = setInterval(() => {
    try {
      tick(context(null));
    } catch (error) {
      options.log(`stripe: tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, 1000);
  timer.unref();

  async function api(req: IncomingMessage, res: ServerResponse, subPath: string): Promise<void> {
    const requestId = newId('req', 14);
    const headers: Record<string, string> = { 'request-id': requestId, 'stripe-version': API_VERSION };
    const fail = (error: StripeApiError) => sendJson(res, error.status, error.toBody(), headers);
    const auth = req.headers.authorization ?? '';
    const key = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!key)
      return fail(
        new StripeApiError(
          401,
          'invalid_request_error',
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        ),
      );
    if (!/^(sk|rk)_test_/.test(key))
      return fail(
        new StripeApiError(
          401,
          'invalid_request_error',
          `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
          'api_key_invalid',
        ),
      );

    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://stripe.local');
    const raw = await readBody(req);
    const encoded = method === 'POST' ? raw : url.search.slice(1);
    let params: FormObject;
    try {
      params = parseForm(encoded);
    } catch {
      return fail(new StripeApiError(400, 'invalid_request_error', 'Invalid request body.'));
    }
    const path = subPath.replace(/\/+$/, '') || '/';
    const idempotencyKey =
      method === 'POST' ? ((req.headers['idempotency-key'] as string | undefined) ?? null) : null;
    const ctx = context(req, { id: requestId, idempotency_key: idempotencyKey });
    tick(ctx);

    let match: RegExpExecArray | null = null;
    const route = ROUTES.find((r) => r.method === method && (match = r.path.exec(path)) !== null);
    if (!route || !match)
      return fail(
        new StripeApiError(
          404,
          'invalid_request_error',
          `Unrecognized request URL (${method}: /v1${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        ),
      );

    const scope = idempotencyKey ? `${key}:${idempotencyKey}` : null;
    const canonical = canonicalForm(encoded);
    if (scope) {
      headers['idempotency-key'] = idempotencyKey as string;
      const prior = state.idempotent(scope);
      if (prior && (prior.method !== method || prior.path !== path))
        return fail(
          new StripeApiError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${prior.method} /v1${prior.path}' vs '${method} /v1${path}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          ),
        );
      if (prior && prior.params !== canonical)
        return fail(
          new StripeApiError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          ),
        );
      if (prior)
        return sendJson(res, prior.status, prior.body, { ...headers, 'idempotent-replayed': 'true' });
    }

    let status = 200;
    let body: unknown;
    let store = true;
    try {
      body = expand(ctx, route.handle(ctx, params, (match as RegExpExecArray).slice(1)), params);
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      status = error.status;
      body = error.toBody();
      store = !error.validation;
    }
    if (scope && store) state.remember(scope, { method, path, params: canonical, status, body });
    if (method !== 'GET') state.save();
    sendJson(res, status, body, headers);
  }

  async function site(req: IncomingMessage, res: ServerResponse, subPath: string): Promise<void> {
    if (subPath === '/v1' || subPath.startsWith('/v1/')) return api(req, res, subPath.slice(3));
    const method = (req.method ?? 'GET').toUpperCase();
    const path = subPath.replace(/\/+$/, '') || '/';
    const url = new URL(req.url ?? '/', 'http://stripe.local');
    const ctx = context(req);
    const segments = path.split('/').slice(1).map(decodeURIComponent);
    const [section, id, extra] = segments;
    tick(ctx);
    try {
      if (section === '_control') return await control(ctx, req, res, method, segments.slice(1));
      if (section === 'checkout' && id) {
        const session = state.get(id, 'checkout.session', 'checkout.session');
        const lines = (state.hidden(session.id).line_items ?? []) as {
          price: StripeObject;
          quantity: number;
        }[];
        if (method === 'GET') return sendHtml(res, 200, checkoutPage(ctx, session, lines));
        if (method === 'POST') {
          const form = (await readParams(req)) as Record<string, string>;
          if (session.status !== 'open') return sendHtml(res, 409, checkoutPage(ctx, session, lines));
          const outcome = paySession(ctx, session, choiceOf(form));
          state.save();
          if (outcome.status === 'complete') return redirect(res, outcome.redirect);
          return sendHtml(res, 402, checkoutPage(ctx, session, lines, outcome.message, form));
        }
      }
      if (section === 'bank') {
        const pending = state
          .all('payment_intent')
          .filter((p) => p.status === 'processing')
          .reverse();
        if (method === 'GET' && !id)
          return sendHtml(res, 200, bankPage(ctx, pending, url.searchParams.get('notice') ?? undefined));
        if (method === 'POST' && id) {
          const form = (await readParams(req)) as Record<string, string>;
          settleDelayedPayment(ctx, state.get(id, 'payment_intent'), outcomeOf(form.outcome));
          state.save();
          return redirect(
            res,
            `/stripe/bank?notice=${encodeURIComponent(`Debit ${id} ${form.outcome === 'failed' ? 'failed' : 'succeeded'}.`)}`,
          );
        }
      }
      if (section === 'portal' && id) {
        const session = state.get(id, 'billing_portal.session', 'billing_portal.session');
        if (method === 'GET')
          return sendHtml(res, 200, portalPage(ctx, session, url.searchParams.get('notice') ?? undefined));
        if (method === 'POST') {
          const notice = portalAction(ctx, session, (await readParams(req)) as Record<string, string>);
          state.save();
          return redirect(res, `/stripe/portal/${session.id}?notice=${notice}`);
        }
      }
      if (section === 'invoices' && id && method === 'GET') {
        const invoice = state.get(id, 'invoice');
        if (extra === 'pdf') {
          const pdf = renderPdf(invoiceLines(ctx, invoice));
          res.writeHead(200, {
            'content-type': 'application/pdf',
            'content-length': pdf.length,
            'content-disposition': `inline; filename="Invoice-${String(invoice.number)}.pdf"`,
          });
          res.end(pdf);
          return;
        }
        return sendHtml(res, 200, invoicePage(ctx, invoice));
      }
      if (section === 'receipts' && id && method === 'GET')
        return sendHtml(res, 200, receiptPage(ctx, state.get(id, 'charge')));
    } catch (error) {
      if (error instanceof StripeApiError) return sendJson(res, error.status, error.toBody());
      throw error;
    }
    sendJson(res, 404, {
      error: {
        type: 'invalid_request_error',
        message: `The Stripe fake has no page at ${method} /stripe${path}; see tools/fakes/README.md`,
      },
    });
  }

  async function control(
    ctx: Ctx,
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    segments: string[],
  ): Promise<void> {
    const body = method === 'POST' ? await readParams(req) : {};
    const b = body as Record<string, unknown>;
    const route = `${method} /${segments.map((s, i) => (i % 2 === 1 && segments.length > 1 && !['pause', 'resume', 'idle'].includes(s) ? ':id' : s)).join('/')}`;
    const [, id] = segments;
    const ok = (value: unknown) => {
      if (method !== 'GET') state.save();
      sendJson(res, 200, value);
    };
    switch (route) {
      case 'GET /events': {
        const url = new URL(req.url ?? '/', 'http://x');
        const type = url.searchParams.get('type');
        return ok({
          events: state.events
            .filter((e) => !type || e.type === type)
            .map((e) => ({ ...e, deliveries: events.deliveriesOf(e) })),
        });
      }
      case 'POST /events/:id/deliver': {
        const event = state.event(id as string);
        if (!event)
          return sendJson(res, 404, {
            error: { type: 'invalid_request_error', message: `No such event: '${String(id)}'` },
          });
        const options: DeliverOptions = {
          url: typeof b.url === 'string' ? b.url : undefined,
          secret: typeof b.secret === 'string' ? b.secret : undefined,
          timestamp: b.timestamp === undefined ? undefined : Number(b.timestamp),
          tamper: b.tamper === true || b.tamper === 'true',
        };
        return ok({ results: await events.redeliver(event, options) });
      }
      case 'GET /webhooks':
        return ok({ paused: events.isPaused(), endpoints: state.endpoints });
      case 'POST /webhooks': {
        if (typeof b.url !== 'string' || typeof b.secret !== 'string')
          return sendJson(res, 400, {
            error: { type: 'invalid_request_error', message: 'url and secret are required' },
          });
        const enabled = Array.isArray(b.enabled_events) ? (b.enabled_events as string[]) : ['*'];
        const endpoint = { id: newId('we'), url: b.url, secret: b.secret, enabled_events: enabled };
        state.endpoints.push(endpoint);
        return ok(endpoint);
      }
      case 'DELETE /webhooks/:id': {
        const index = state.endpoints.findIndex((e) => e.id === id);
        if (index >= 0) state.endpoints.splice(index, 1);
        state.save();
        return sendJson(res, 200, { id, deleted: index >= 0 });
      }
      case 'POST /webhooks/pause':
        events.pause();
        return ok({ paused: true });
      case 'POST /webhooks/resume':
        events.resume();
        return ok({ paused: false });
      case 'POST /webhooks/idle':
        await events.idle();
        return ok({ idle: true });
      case 'GET /settings':
        return ok(state.settings);
      case 'POST /settings': {
        const next: Settings = { ...state.settings };
        for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[])
          if (b[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = b[key];
        state.settings = next;
        return ok(next);
      }
      case 'POST /customers/:id/card': {
        const customer = state.get(id as string, 'customer');
        return ok(setDefaultCard(ctx, customer, String(b.number ?? '')));
      }
      case 'POST /checkout/:id/pay': {
        const session = state.get(id as string, 'checkout.session', 'checkout.session');
        const outcome = paySession(ctx, session, choiceOf(b as Record<string, string>));
        return ok({ ...outcome, session });
      }
      case 'POST /payment_intents/:id/settle':
        return ok({
          session:
            settleDelayedPayment(ctx, state.get(id as string, 'payment_intent'), outcomeOf(b.outcome)) ??
            null,
          payment_intent: state.get(id as string, 'payment_intent'),
        });
      case 'POST /refunds/:id/settle': {
        const refund = state.get(id as string, 'refund');
        settleRefund(ctx, refund, outcomeOf(b.outcome));
        return ok(refund);
      }
      case 'POST /reset':
        state.reset();
        return ok({ reset: true });
      default:
        sendJson(res, 404, {
          error: {
            type: 'invalid_request_error',
            message: `No control route ${route}; see tools/fakes/README.md`,
          },
        });
    }
  }

  return {
    api,
    site,
    state,
    events,
    setPublicUrl: (url) => {
      publicUrl = url;
    },
    stop: () => {
      clearInterval(timer);
      events.stop();
      state.flush();
    },
  };
}

function choiceOf(form: Record<string, string | undefined>): PayChoice {
  const payment = form.payment ?? '';
  if (payment === 'bank_debit') return { method: 'bank_debit', email: form.email, name: form.name };
  return { method: 'card', number: payment, email: form.email, name: form.name };
}

function outcomeOf(value: unknown): 'succeeded' | 'failed' {
  return value === 'failed' ? 'failed' : 'succeeded';
}

function portalAction(ctx: Ctx, session: StripeObject, form: Record<string, string>): string {
  const sub = form.subscription ? ctx.state.get(form.subscription, 'subscription') : undefined;
  if (sub && sub.customer !== session.customer)
    throw new StripeApiError(403, 'invalid_request_error', 'This subscription belongs to another customer.');
  if (form.action === 'plan' && sub && form.price) {
    const item = (sub.items as { data: StripeObject[] }).data[0] as StripeObject;
    updateSubscription(ctx, sub, { items: [{ id: item.id, price: form.price }], proration_behavior: 'none' });
    return 'plan';
  }
  if ((form.action === 'cancel' || form.action === 'resume') && sub) {
    updateSubscription(ctx, sub, { cancel_at_period_end: form.action === 'cancel' ? 'true' : 'false' });
    return form.action;
  }
  if (form.action === 'card') {
    try {
      setDefaultCard(ctx, ctx.state.get(session.customer as string, 'customer'), form.card ?? '');
      return 'card';
    } catch (error) {
      if (error instanceof StripeApiError && error.type === 'card_error') return 'declined';
      throw error;
    }
  }
  throw new StripeApiError(400, 'invalid_request_error', `Unknown portal action: ${form.action ?? ''}`);
}
