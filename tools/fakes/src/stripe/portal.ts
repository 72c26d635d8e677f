// Billing Portal sessions, test clocks and events: small resources with little logic of their own.
import { badParam, missingParam, noSuchParam } from './errors.ts';
import { paginate, type Route } from './context.ts';
import { allowOnly, int, obj, rangeFilter, str, strList } from './params.ts';
import { runDue } from './billing.ts';
import { newId, nowSeconds } from './state.ts';

export const portalRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/billing_portal\/sessions$/,
    handle: (ctx, params) => {
      allowOnly(params, ['customer', 'return_url', 'configuration', 'locale', 'flow_data', 'on_behalf_of']);
      const customer = str(params, 'customer');
      if (!customer) throw missingParam('customer');
      if (!ctx.state.find(customer, 'customer')) throw noSuchParam('cus', customer, 'customer');
      const returnUrl = str(params, 'return_url');
      if (returnUrl !== undefined && !/^https?:\/\/\S+$/.test(returnUrl))
        throw badParam('return_url', 'Not a valid URL', 'url_invalid');
      const id = newId('bps');
      return ctx.state.put({
        id,
        object: 'billing_portal.session',
        configuration: str(params, 'configuration') ?? 'bpc_fake_default',
        created: nowSeconds(),
        customer,
        customer_account: null,
        flow: obj(params, 'flow_data') ?? null,
        livemode: false,
        locale: str(params, 'locale') ?? null,
        on_behalf_of: null,
        return_url: returnUrl ?? null,
        url: `${ctx.publicUrl}/stripe/portal/${id}`,
      });
    },
  },
];

export const testClockRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/test_helpers\/test_clocks$/,
    handle: (ctx, params) => {
      allowOnly(params, ['frozen_time', 'name']);
      const frozen = int(params, 'frozen_time');
      if (frozen === undefined) throw missingParam('frozen_time');
      const now = nowSeconds();
      return ctx.state.put({
        id: newId('clock'),
        object: 'test_helpers.test_clock',
        created: now,
        deletes_after: now + 30 * 86_400,
        frozen_time: frozen,
        livemode: false,
        name: str(params, 'name') ?? null,
        status: 'ready',
        status_details: {},
      });
    },
  },
  {
    method: 'GET',
    path: /^\/test_helpers\/test_clocks\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'test_helpers.test_clock'),
  },
  {
    method: 'GET',
    path: /^\/test_helpers\/test_clocks$/,
    handle: (ctx, params) =>
      paginate(ctx.state.all('test_helpers.test_clock'), params, '/v1/test_helpers/test_clocks'),
  },
  {
    method: 'POST',
    path: /^\/test_helpers\/test_clocks\/([^/]+)\/advance$/,
    handle: (ctx, params, [id]) => {
      allowOnly(params, ['frozen_time']);
      const clock = ctx.state.get(id as string, 'test_helpers.test_clock');
      const target = int(params, 'frozen_time');
      if (target === undefined) throw missingParam('frozen_time');
      if (target <= (clock.frozen_time as number))
        throw badParam(
          'frozen_time',
          'The frozen_time must be after the current frozen_time of the test clock.',
        );
      // The work is done before answering; the answer still says `advancing`, as Stripe's does,
      // so callers poll until `ready` exactly as they must against Stripe.
      runDue(ctx, clock.id, target);
      return { ...clock, status: 'advancing' };
    },
  },
];

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/events\/([^/]+)$/,
    handle: (ctx, _p, [id]) => {
      const event = ctx.state.event(id as string);
      if (!event) throw ctx.state.get(id as string, 'event');
      return event;
    },
  },
  {
    method: 'GET',
    path: /^\/events$/,
    handle: (ctx, params) => {
      const type = str(params, 'type');
      const types = strList(params, 'types');
      if (type && types.length > 0)
        throw badParam('types', 'You may only specify one of these parameters: type, types.');
      const matchType = (t: string) =>
        type
          ? type.endsWith('.*')
            ? t.startsWith(type.slice(0, -1))
            : t === type
          : types.length === 0 || types.includes(t);
      const inRange = rangeFilter(params, 'created');
      const items = ctx.state.events.filter((e) => matchType(e.type) && inRange(e.created));
      return paginate(items, params, '/v1/events');
    },
  },
];
