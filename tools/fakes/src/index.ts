// Public entry of @carebook/fakes: starts the fakes server (Brevo, Stripe, Google) and the inbox; the inbox's
// messages persist under <stack root>/inbox/messages.jsonl, Stripe's state under <root>/stripe/.
import path from 'node:path';
import type { Server } from 'node:http';
import { BREVO_CONTROL_PREFIX, BREVO_PREFIX, createBrevoControl, createBrevoFake } from './brevo.ts';
import { FaultBook } from './brevo-faults.ts';
import { CALENDAR_PREFIX, createGoogleFake, GOOGLE_PREFIX } from './google/index.ts';
import { routeFakes } from './fakes-server.ts';
import { close, listen } from './http-util.ts';
import { routeInbox } from './inbox-server.ts';
import { MessageStore } from './message-store.ts';
import { createStripeFake } from './stripe/index.ts';
import type { FakesConfig, Logger, RunningService } from './types.ts';

export type { FakesConfig, InboxMessage, Logger, RunningService } from './types.ts';
export { MessageStore } from './message-store.ts';
export { stripeControl, type ControlEvent, type StripeControl } from './stripe/control-client.ts';
export { signPayload as signStripePayload } from './stripe/events.ts';
export { SMS_IDEMPOTENCY_TAG_PREFIX } from './brevo.ts';
export {
  googleControl,
  type AddedGoogleRule,
  type GoogleCall,
  type GoogleControl,
  type GoogleRule,
  type GoogleRuleInput,
  type FakeAccountView,
  type FakeEventInput,
  type FakeEventView,
} from './google/control-client.ts';
export {
  brevoControl,
  type AddedRule,
  type BrevoControl,
  type Channel,
  type FaultRule,
  type FaultRuleInput,
  type RecordedCall,
} from './brevo-control-client.ts';

export interface StartFakesOptions {
  /** Port overrides (0 = any free port), so tests can run beside a stack that holds the real ones. */
  ports?: Partial<FakesConfig['ports']>;
  /** Where the Stripe fake posts webhooks; defaults to STRIPE_WEBHOOK_URL / STRIPE_WEBHOOK_SECRET. */
  stripeWebhook?: { url: string; secret: string };
}

export function stripeStateFile(config: FakesConfig): string {
  return path.join(config.dirs.root, 'stripe', 'state.json');
}

export function inboxFile(config: FakesConfig): string {
  return path.join(config.dirs.root, 'inbox', 'messages.jsonl');
}

/** Resolves with [fakes, inbox] once both listen; stopping one leaves the other running. */
export async function startFakes(
  config: FakesConfig,
  log: Logger,
  options: StartFakesOptions = {},
): Promise<RunningService[]> {
  const store = MessageStore.open(inboxFile(config), (line) =>
    log(`inbox: skipped an unreadable line: ${line.slice(0, 80)}`),
  );
  const onError = (error: unknown) =>
    log(`fakes: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  const faults = new FaultBook();
  const { STRIPE_WEBHOOK_URL: hookUrl, STRIPE_WEBHOOK_SECRET: hookSecret } = process.env;
  const stripe = createStripeFake({
    file: stripeStateFile(config),
    log,
    webhook:
      options.stripeWebhook ?? (hookUrl && hookSecret ? { url: hookUrl, secret: hookSecret } : undefined),
  });
  const google = createGoogleFake();
  let fakes: { server: Server; port: number };
  try {
    fakes = await listen(
      routeFakes([
        { prefix: BREVO_PREFIX, handle: createBrevoFake(store, log, faults) },
        { prefix: BREVO_CONTROL_PREFIX, handle: createBrevoControl(faults) },
        // The stripe SDK has no base path: it calls <host>:<port>/v1/..., so the API sits at the root.
        { prefix: '/v1', handle: stripe.api, listed: false },
        { prefix: '/stripe', handle: stripe.site, listed: false },
        { prefix: GOOGLE_PREFIX, handle: google.handle, listed: false },
        { prefix: CALENDAR_PREFIX, handle: google.calendarApi, listed: false },
      ]),
      config.host,
      options.ports?.fakes ?? config.ports.fakes,
      onError,
    );
  } catch (error) {
    stripe.stop();
    throw error;
  }
  stripe.setPublicUrl(`http://${config.host}:${fakes.port}`);
  let inbox: { server: Server; port: number };
  try {
    inbox = await listen(routeInbox(store), config.host, options.ports?.inbox ?? config.ports.inbox, onError);
  } catch (error) {
    stripe.stop();
    await close(fakes.server);
    throw error;
  }
  return [
    {
      name: 'fakes',
      url: `http://${config.host}:${fakes.port}`,
      stop: async () => {
        stripe.stop();
        await close(fakes.server);
      },
    },
    { name: 'inbox', url: `http://${config.host}:${inbox.port}`, stop: () => close(inbox.server) },
  ];
}
