// What every resource module receives: the state, the event bus, the URL pages are served at, and
// the request being answered (for each event's `request` field); plus list and expand helpers.
import type { Logger } from '../types.ts';
import { badParam, StripeApiError } from './errors.ts';
import type { EventBus } from './events.ts';
import type { FormObject } from './form.ts';
import { int, str, strList } from './params.ts';
import { nowSeconds, type StripeObject, type StripeState } from './state.ts';

export interface Ctx {
  state: StripeState;
  events: EventBus;
  /** Base URL of the fakes server as the caller reached it, e.g. http://127.0.0.1:54336. */
  publicUrl: string;
  request: { id: string | null; idempotency_key: string | null };
  log: Logger;
}

/** Time for objects on a test clock is the clock's frozen time; for the others, the real time. */
export function timeOf(ctx: Ctx, clockId: unknown): number {
  if (typeof clockId === 'string') {
    const clock = ctx.state.find(clockId, 'test_helpers.test_clock');
    if (clock) return clock.frozen_time as number;
  }
  return nowSeconds();
}

export function clockOfCustomer(ctx: Ctx, customerId: unknown): string | null {
  if (typeof customerId !== 'string') return null;
  const clock = ctx.state.find(customerId, 'customer')?.test_clock;
  return typeof clock === 'string' ? clock : null;
}

/** Records an event whose `created` follows the object's clock. */
export function emit(
  ctx: Ctx,
  type: string,
  object: StripeObject,
  previous?: Record<string, unknown>,
  clockId?: string | null,
): void {
  ctx.events.emit(type, object, {
    previous,
    created: timeOf(ctx, clockId ?? null),
    request: ctx.request,
  });
}

export interface ApiList {
  object: 'list';
  data: StripeObject[];
  has_more: boolean;
  url: string;
}

/** Newest first (ties: latest written first), with limit / starting_after / ending_before. */
export function paginate(items: StripeObject[], params: FormObject, url: string): ApiList {
  const limit = int(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100)
    throw badParam('limit', 'Limit must be between 1 and 100.', 'parameter_invalid_integer');
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.created as number) - (a.item.created as number) || b.index - a.index)
    .map((x) => x.item);
  const after = str(params, 'starting_after');
  const before = str(params, 'ending_before');
  let start = 0;
  let end = sorted.length;
  if (after) {
    const i = sorted.findIndex((o) => o.id === after);
    if (i < 0) throw badParam('starting_after', `No such object: '${after}'`, 'resource_missing');
    start = i + 1;
  }
  if (before) {
    const i = sorted.findIndex((o) => o.id === before);
    if (i < 0) throw badParam('ending_before', `No such object: '${before}'`, 'resource_missing');
    end = i;
    start = Math.max(0, end - limit);
  }
  const data = sorted.slice(start, Math.min(end, start + limit));
  return { object: 'list', data, has_more: before ? start > 0 : start + data.length < end, url };
}

type Expander = (ctx: Ctx, owner: StripeObject) => unknown;

/** Fields that are absent unless expanded (Checkout's line_items), by object type. */
export const INCLUDABLE: Record<string, Record<string, Expander>> = {};

function expandPath(ctx: Ctx, value: unknown, segments: string[], full: string): unknown {
  if (segments.length === 0 || value === null || typeof value !== 'object') return value;
  const [head, ...rest] = segments as [string, ...string[]];
  const owner = value as StripeObject;
  if (owner.object === 'list' && head === 'data') {
    return { ...owner, data: (owner.data as unknown[]).map((item) => expandPath(ctx, item, rest, full)) };
  }
  let field = owner[head];
  const include = INCLUDABLE[owner.object]?.[head];
  if (include) field = include(ctx, owner);
  else if (typeof field === 'string') {
    const target = ctx.state.find(field);
    if (target) field = structuredClone(target);
  } else if (field === undefined) {
    throw badParam('expand', `This property cannot be expanded (${full}).`);
  }
  return { ...owner, [head]: expandPath(ctx, field, rest, full) };
}

export function expand(ctx: Ctx, value: unknown, params: FormObject): unknown {
  const paths = strList(params, 'expand');
  let result = structuredClone(value);
  for (const path of paths) {
    if (path.split('.').length > 4)
      throw new StripeApiError(
        400,
        'invalid_request_error',
        'You cannot expand more than 4 levels of a property.',
        undefined,
        'expand',
      );
    result = expandPath(ctx, result, path.split('.'), path);
  }
  return result;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Matched against the path after /v1; capture groups are passed on. */
  path: RegExp;
  handle(ctx: Ctx, params: FormObject, match: string[]): unknown;
}
