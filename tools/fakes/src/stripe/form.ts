// Stripe's request encoding: application/x-www-form-urlencoded bodies (and query strings on GET)
// whose keys nest with brackets, as the SDK writes them: `line_items[0][price]=price_1`,
// `metadata[k]=v`, `expand[0]=x` (or `expand[]=x` from hand-written clients).

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first <= 0) return [key];
  const parts = [key.slice(0, first)];
  for (const m of key.slice(first).matchAll(/\[([^\]]*)\]/g)) parts.push(m[1] ?? '');
  return parts;
}

/** Objects whose keys are all 0..n-1 become arrays, recursively (Stripe reads `a[0]` as a list). */
function toArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const k of keys) converted[k] = toArrays(value[k] as FormValue);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((i) => converted[String(i)] as FormValue);
  }
  return converted;
}

export function parseForm(encoded: string): FormObject {
  const root: FormObject = {};
  const params = new URLSearchParams(encoded);
  for (const [key, value] of params) {
    const parts = splitKey(key);
    let node: FormObject = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      // `a[]` appends: give it the next free index.
      const name = part === '' ? String(Object.keys(node).length) : part;
      if (last) {
        node[name] = value;
        return;
      }
      const next = node[name];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[name] = {};
      node = node[name] as FormObject;
    });
  }
  return toArrays(root) as FormObject;
}

/** The same parameters in any order and encoding give the same string (for idempotency checks). */
export function canonicalForm(encoded: string): string {
  return JSON.stringify(sortDeep(parseForm(encoded)));
}

function sortDeep(value: FormValue): FormValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(sortDeep);
  const sorted: FormObject = {};
  for (const k of Object.keys(value).sort()) sorted[k] = sortDeep(value[k] as FormValue);
  return sorted;
}
