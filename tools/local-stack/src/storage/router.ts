// A tiny path router: ":name" takes one segment, "*" the rest (one or more segments, the object
// key). Segments are matched raw and decoded afterwards, so "%2F" in a key stays inside the key.
import type { Handler } from './context.ts';

export interface Route {
  methods: readonly string[];
  pattern: string;
  handler: Handler;
}

function decode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Parameters when `pathname` fits `pattern`, else undefined. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/').slice(1);
  const got = pathname.split('/').slice(1);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w === '*') {
      const rest = got.slice(i);
      if (rest.length === 0 || rest.every((s) => s === '')) return undefined;
      const key = decode(rest.join('/'));
      if (key === undefined) return undefined;
      params.key = key;
      return params;
    }
    const g = got[i];
    if (g === undefined || g === '') return undefined;
    if (w.startsWith(':')) {
      const value = decode(g);
      if (value === undefined) return undefined;
      params[w.slice(1)] = value;
    } else if (w !== g) {
      return undefined;
    }
  }
  return got.length === want.length ? params : undefined;
}

/** First route (in table order) that fits method and path; the order settles overlaps. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (!route.methods.includes(method)) continue;
    const params = matchPath(route.pattern, pathname);
    if (params) return { route, params };
  }
  return undefined;
}
