// What specs use to drive the Brevo fake: add failure rules (each removable on its own, so test
// files running side by side keep theirs) and read the calls the fake answered.
import type { Channel, FaultRule, FaultRuleInput, RecordedCall } from './brevo-faults.ts';

export type { Channel, FaultRule, FaultRuleInput, RecordedCall } from './brevo-faults.ts';

export interface AddedRule extends FaultRule {
  /** Takes this rule away; the others stay. */
  remove(): Promise<void>;
}

export interface BrevoControl {
  addRule(rule: FaultRuleInput): Promise<AddedRule>;
  rules(): Promise<FaultRule[]>;
  /** Oldest first. */
  calls(filter?: { channel?: Channel; recipient?: string }): Promise<RecordedCall[]>;
  /** Forgets every rule and recorded call (of every test): for a file that owns the fake. */
  reset(): Promise<void>;
}

/** `fakesUrl` is the fakes server (StackConfig.fakesUrl), not the /brevo/v3 base URL. */
export function brevoControl(fakesUrl: string): BrevoControl {
  const base = `${fakesUrl.replace(/\/+$/, '')}/brevo/_control`;
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
      throw new Error(`Brevo fake control ${method} ${path}: ${res.status} ${answer.message ?? ''}`);
    return answer;
  }
  return {
    async addRule(rule) {
      const { rules } = await call<{ rules: FaultRule[] }>('POST', '/rules', rule);
      const added = rules[0]!;
      return {
        ...added,
        remove: async () => {
          await call('DELETE', `/rules/${encodeURIComponent(added.id)}`);
        },
      };
    },
    async rules() {
      return (await call<{ rules: FaultRule[] }>('GET', '/')).rules;
    },
    async calls(filter = {}) {
      const query = new URLSearchParams(
        Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const q = query.size > 0 ? `?${query}` : '';
      return (await call<{ calls: RecordedCall[] }>('GET', `/calls${q}`)).calls;
    },
    async reset() {
      await call('DELETE', '/');
    },
  };
}
