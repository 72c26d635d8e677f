// Typed reads of form parameters, answering Stripe's 400s for unknown, missing or malformed ones.
import { badParam, missingParam, StripeApiError } from './errors.ts';
import type { FormObject, FormValue } from './form.ts';

export type Metadata = Record<string, string>;

/** Stripe rejects parameters it does not know: catching typos here beats silently ignoring them. */
export function allowOnly(params: FormObject, known: string[], prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (key === 'expand' || known.includes(key)) continue;
    const name = prefix ? `${prefix}[${key}]` : key;
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Received unknown parameter: ${name}`,
      'parameter_unknown',
      name,
      true,
    );
  }
}

export function str(params: FormObject, key: string, name = key): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badParam(name, `Invalid string: ${name} must be a string.`);
  return value;
}

export function requiredStr(params: FormObject, key: string, name = key): string {
  const value = str(params, key, name);
  if (value === undefined || value === '') throw missingParam(name);
  return value;
}

export function int(params: FormObject, key: string, name = key): number | undefined {
  const value = str(params, key, name);
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw badParam(name, `Invalid integer: ${value}`, 'parameter_invalid_integer');
  return Number(value);
}

export function bool(params: FormObject, key: string, name = key): boolean | undefined {
  const value = str(params, key, name);
  if (value === undefined || value === '') return undefined;
  if (value !== 'true' && value !== 'false')
    throw badParam(name, `Invalid boolean: ${value}`, 'parameter_invalid_boolean');
  return value === 'true';
}

export function obj(params: FormObject, key: string, name = key): FormObject | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw badParam(name, `Invalid object: ${name} must be a hash.`, 'parameter_invalid_object');
  return value;
}

export function list(params: FormObject, key: string, name = key): FormValue[] | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (!Array.isArray(value))
    throw badParam(name, `Invalid array: ${name} must be an array.`, 'parameter_invalid_array');
  return value;
}

export function strList(params: FormObject, key: string): string[] {
  return (list(params, key) ?? []).map((v, i) => {
    if (typeof v !== 'string') throw badParam(`${key}[${i}]`, `Invalid string: ${key}[${i}]`);
    return v;
  });
}

/** Merges `metadata[k]=v` into what exists; an empty value removes the key, `metadata=` clears all. */
export function mergeMetadata(current: Metadata, params: FormObject, key = 'metadata'): Metadata {
  const value = params[key];
  if (value === undefined) return current;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw badParam(key, `Invalid object: ${key} must be a hash.`, 'parameter_invalid_object');
  const merged = { ...current };
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw badParam(`${key}[${k}]`, 'Metadata values must be strings.');
    if (v === '') delete merged[k];
    else merged[k] = v;
  }
  return merged;
}

/** `created[gte]=...` style filters, as events.list and friends take them. */
export function rangeFilter(params: FormObject, key: string): (value: number) => boolean {
  const value = params[key];
  if (value === undefined) return () => true;
  if (typeof value === 'string') {
    const exact = int(params, key);
    return (v) => v === exact;
  }
  const range = obj(params, key) ?? {};
  const bound = (k: string) => int(range, k, `${key}[${k}]`);
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  return (v) =>
    (gt === undefined || v > gt) &&
    (gte === undefined || v >= gte) &&
    (lt === undefined || v < lt) &&
    (lte === undefined || v <= lte);
}
