// What specs use to drive the Google fake over HTTP: read the calls it answered (to count how often
// a function really reached Google) and add failure rules, each removable on its own.
import type { GoogleCall, GoogleRule, GoogleRuleInput } from './control.ts';

export type { GoogleCall, GoogleRule, GoogleRuleInput } from './control.ts';

export interface AddedGoogleRule extends GoogleRule {
  remove(): Promise<void>;
}

export interface GoogleControl {
  addRule(rule: GoogleRuleInput): Promise<AddedGoogleRule>;
  rules(): Promise<GoogleRule[]>;
  /** Oldest first; `params` are exact values of what was asked (`{ input: 'lyon' }`, `{ placeId }`). */
  calls(filter?: {
    api?: string;
    operation?: string;
    params?: Record<string, string>;
  }): Promise<GoogleCall[]>;
  /** Forgets every rule and call, of every test: for a file that owns the fake. */
  reset(): Promise<void>;
}

/** `fakesUrl` is the fakes server (StackConfig.fakesUrl), not an API's base URL. */
export function googleControl(fakesUrl: string): GoogleControl {
  const base = `${fakesUrl.replace(/\/+$/, '')}/google/_control`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    const answer = (await res.json()) as T & { message?: string };
    if (!res.ok)
      throw new Error(`Google fake control ${method} ${path}: ${res.status} ${answer.message ?? ''}`);
    return answer;
  }
  return {
    async addRule(rule) {
      const added = (await call<{ rules: GoogleRule[] }>('POST', '/rules', rule)).rules[0]!;
      return {
        ...added,
        remove: async () => void (await call('DELETE', `/rules/${encodeURIComponent(added.id)}`)),
      };
    },
    async rules() {
      return (await call<{ rules: GoogleRule[] }>('GET', '/')).rules;
    },
    async calls(filter = {}) {
      const query = new URLSearchParams({
        ...(filter.api && { api: filter.api }),
        ...(filter.operation && { operation: filter.operation }),
        ...filter.params,
      });
      return (await call<{ calls: GoogleCall[] }>('GET', `/calls${query.size > 0 ? `?${query}` : ''}`)).calls;
    },
    async reset() {
      await call('DELETE', '/');
    },
  };
}
