// Products and prices (with lookup keys), the catalogue Checkout and subscriptions charge from.
import { badParam, invalidState, missingParam, noSuchParam } from './errors.ts';
import type { FormObject } from './form.ts';
import { paginate, type Ctx, type Route } from './context.ts';
import { allowOnly, bool, int, mergeMetadata, obj, requiredStr, str, strList } from './params.ts';
import { newId, nowSeconds, type StripeObject } from './state.ts';

const INTERVALS = ['day', 'week', 'month', 'year'];

export function createProduct(ctx: Ctx, params: FormObject, param = ''): StripeObject {
  const name = requiredStr(params, 'name', param ? `${param}[name]` : 'name');
  const now = nowSeconds();
  const id = str(params, 'id') ?? newId('prod', 14);
  if (ctx.state.find(id)) throw badParam('id', `Product already exists.`, 'resource_already_exists');
  return ctx.state.put({
    id,
    object: 'product',
    active: bool(params, 'active') ?? true,
    created: now,
    default_price: null,
    description: str(params, 'description') ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: mergeMetadata({}, params),
    name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: now,
    url: null,
  });
}

function readRecurring(params: FormObject, name: string): StripeObject['recurring'] {
  const recurring = obj(params, 'recurring', name);
  if (!recurring) return null;
  allowOnly(recurring, ['interval', 'interval_count', 'usage_type', 'trial_period_days'], name);
  const interval = requiredStr(recurring, 'interval', `${name}[interval]`);
  if (!INTERVALS.includes(interval))
    throw badParam(
      `${name}[interval]`,
      `Invalid recurring[interval]: must be one of ${INTERVALS.join(', ')}`,
    );
  return {
    interval,
    interval_count: int(recurring, 'interval_count', `${name}[interval_count]`) ?? 1,
    meter: null,
    trial_period_days: int(recurring, 'trial_period_days') ?? null,
    usage_type: 'licensed',
  };
}

/** Builds a price from `price_data`-like parameters (used by prices.create and Checkout line items). */
export function buildPrice(ctx: Ctx, params: FormObject, name: string, productParam: string): StripeObject {
  const currency = requiredStr(params, 'currency', name ? `${name}[currency]` : 'currency').toLowerCase();
  const unitAmount = int(params, 'unit_amount', name ? `${name}[unit_amount]` : 'unit_amount');
  if (unitAmount === undefined) throw missingParam(name ? `${name}[unit_amount]` : 'unit_amount');
  if (unitAmount < 0) throw badParam('unit_amount', 'This value must be greater than or equal to 0.');
  let productId = str(params, 'product');
  const productData = obj(params, 'product_data');
  if (productData) productId = createProduct(ctx, productData, `${name || ''}product_data`).id;
  if (!productId) throw missingParam(name ? `${name}[${productParam}]` : productParam);
  if (!ctx.state.find(productId, 'product'))
    throw noSuchParam('prod', productId, name ? `${name}[product]` : 'product');
  const recurring = readRecurring(params, name ? `${name}[recurring]` : 'recurring');
  return {
    id: newId('price'),
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: nowSeconds(),
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: productId,
    recurring,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: unitAmount,
    unit_amount_decimal: String(unitAmount),
  };
}

/** A lookup key names one price; `transfer_lookup_key` moves it from the price that had it. */
function claimLookupKey(ctx: Ctx, price: StripeObject, key: string | undefined, transfer: boolean): void {
  if (key === undefined) return;
  const holder = ctx.state.all('price').find((p) => p.lookup_key === key && p.id !== price.id);
  if (holder && !transfer)
    throw invalidState(
      `A price (\`${holder.id}\`) already uses that lookup key. Pass transfer_lookup_key=true to move it.`,
      'lookup_key',
      'lookup_key_already_exists',
    );
  if (holder) holder.lookup_key = null;
  price.lookup_key = key === '' ? null : key;
}

const PRICE_PARAMS = [
  'active',
  'currency',
  'unit_amount',
  'product',
  'product_data',
  'recurring',
  'lookup_key',
  'transfer_lookup_key',
  'nickname',
  'metadata',
  'tax_behavior',
];

export const catalogRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/products$/,
    handle: (ctx, params) => {
      allowOnly(params, ['id', 'name', 'description', 'active', 'metadata', 'default_price_data']);
      const product = createProduct(ctx, params);
      const priceData = obj(params, 'default_price_data');
      if (priceData) {
        const price = ctx.state.put(
          buildPrice(ctx, { ...priceData, product: product.id }, 'default_price_data', 'product'),
        );
        product.default_price = price.id;
      }
      return product;
    },
  },
  {
    method: 'GET',
    path: /^\/products\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'product'),
  },
  {
    method: 'POST',
    path: /^\/products\/([^/]+)$/,
    handle: (ctx, params, [id]) => {
      allowOnly(params, ['name', 'description', 'active', 'metadata', 'default_price']);
      const product = ctx.state.get(id as string, 'product');
      if (params.name !== undefined) product.name = str(params, 'name');
      if (params.description !== undefined) product.description = str(params, 'description') || null;
      if (params.active !== undefined) product.active = bool(params, 'active');
      if (params.default_price !== undefined) product.default_price = str(params, 'default_price') || null;
      product.metadata = mergeMetadata(product.metadata as Record<string, string>, params);
      product.updated = nowSeconds();
      return product;
    },
  },
  {
    method: 'GET',
    path: /^\/products$/,
    handle: (ctx, params) => {
      const active = bool(params, 'active');
      const ids = strList(params, 'ids');
      const items = ctx.state
        .all('product')
        .filter(
          (p) => (active === undefined || p.active === active) && (ids.length === 0 || ids.includes(p.id)),
        );
      return paginate(items, params, '/v1/products');
    },
  },
  {
    method: 'POST',
    path: /^\/prices$/,
    handle: (ctx, params) => {
      allowOnly(params, PRICE_PARAMS);
      const price = buildPrice(ctx, params, '', 'product');
      price.active = bool(params, 'active') ?? true;
      price.nickname = str(params, 'nickname') ?? null;
      price.metadata = mergeMetadata({}, params);
      claimLookupKey(ctx, price, str(params, 'lookup_key'), bool(params, 'transfer_lookup_key') ?? false);
      return ctx.state.put(price);
    },
  },
  {
    method: 'GET',
    path: /^\/prices\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'price'),
  },
  {
    method: 'POST',
    path: /^\/prices\/([^/]+)$/,
    handle: (ctx, params, [id]) => {
      allowOnly(params, ['active', 'lookup_key', 'transfer_lookup_key', 'nickname', 'metadata']);
      const price = ctx.state.get(id as string, 'price');
      if (params.active !== undefined) price.active = bool(params, 'active');
      if (params.nickname !== undefined) price.nickname = str(params, 'nickname') || null;
      claimLookupKey(ctx, price, str(params, 'lookup_key'), bool(params, 'transfer_lookup_key') ?? false);
      price.metadata = mergeMetadata(price.metadata as Record<string, string>, params);
      return price;
    },
  },
  {
    method: 'GET',
    path: /^\/prices$/,
    handle: (ctx, params) => {
      const active = bool(params, 'active');
      const product = str(params, 'product');
      const type = str(params, 'type');
      const currency = str(params, 'currency');
      const keys = strList(params, 'lookup_keys');
      const items = ctx.state
        .all('price')
        .filter(
          (p) =>
            (active === undefined || p.active === active) &&
            (!product || p.product === product) &&
            (!type || p.type === type) &&
            (!currency || p.currency === currency) &&
            (keys.length === 0 || keys.includes(p.lookup_key as string)),
        );
      return paginate(items, params, '/v1/prices');
    },
  },
];

/** "€29.00 / month", for the fake's pages. */
export function describePrice(ctx: Ctx, price: StripeObject): string {
  const product = ctx.state.find(price.product as string, 'product');
  const amount = formatAmount(price.unit_amount as number, price.currency as string);
  const recurring = price.recurring as { interval: string; interval_count: number } | null;
  const every = recurring
    ? ` / ${recurring.interval_count > 1 ? `${recurring.interval_count} ${recurring.interval}s` : recurring.interval}`
    : '';
  return `${(product?.name as string | undefined) ?? 'Item'}: ${amount}${every}`;
}

export function formatAmount(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() }).format(
    amount / 100,
  );
}
