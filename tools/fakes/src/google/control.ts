// What tests see of and do to the Google fake, whatever the API: a record of every call (so a test
// can count how often a function really reached Google) and rules that make matching calls fail
// (429, 500, any status) or answer late. Places, OAuth and Calendar share it.

export interface GoogleRuleInput {
  /** Only calls to this API, e.g. "places" (default all). */
  api?: string;
  /** Only this operation, e.g. "autocomplete", "details" (default all). */
  operation?: string;
  /** Answer this HTTP error status with Google's error body; absent: answer normally, after `delayMs`. */
  status?: number;
  delayMs?: number;
  /** Applies to this many calls, then stops matching (default: no limit). */
  times?: number;
  /** Calendar only: the `reason` of the error (e.g. rateLimitExceeded with 403; default per status). */
  reason?: string;
  /** Only calls made with this Google account's tokens (tests share one fake). */
  account?: string;
}

export interface GoogleRule extends GoogleRuleInput {
  id: string;
  applied: number;
}

export interface GoogleCall {
  /** Arrival time (ISO). */
  at: string;
  api: string;
  operation: string;
  /** The status answered. */
  status: number;
  /** What was asked, per operation: `input` for autocomplete, `placeId` for details... */
  params: Record<string, string>;
  /** Whether an API key came with the call (the key itself is never recorded). */
  withKey: boolean;
  ruleId: string | null;
}

/** Why a rule a test sent is refused, or null. */
export function invalidGoogleRule(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'a rule is a JSON object';
  const r = raw as Record<string, unknown>;
  const unknown = Object.keys(r).filter(
    (k) => !['api', 'operation', 'status', 'delayMs', 'times', 'reason', 'account'].includes(k),
  );
  if (unknown.length > 0) return `unknown field(s): ${unknown.join(', ')}`;
  for (const k of ['api', 'operation', 'reason', 'account'])
    if (r[k] !== undefined && (typeof r[k] !== 'string' || r[k] === '')) return `${k} is a non-empty string`;
  const int = (k: string, min: number, max: number) =>
    r[k] === undefined || (Number.isInteger(r[k]) && (r[k] as number) >= min && (r[k] as number) <= max);
  if (!int('status', 400, 599)) return 'status is an HTTP error status (400-599)';
  if (!int('delayMs', 0, 600_000)) return 'delayMs is an integer from 0 to 600000';
  if (!int('times', 1, 1_000_000_000)) return 'times is a positive integer';
  if (r.status === undefined && r.delayMs === undefined) return 'a rule needs a status or a delayMs';
  return null;
}

const MAX_CALLS = 100_000;

export class GoogleBook {
  private rules: GoogleRule[] = [];
  private calls: GoogleCall[] = [];
  private next = 1;

  add(input: GoogleRuleInput): GoogleRule {
    const rule = { ...input, id: `google-rule-${this.next++}`, applied: 0 };
    this.rules.push(rule);
    return { ...rule };
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  list(): GoogleRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The first rule matching the call, counted as applied. */
  decide(api: string, operation: string, account?: string): GoogleRule | null {
    for (const rule of this.rules) {
      if (rule.api && rule.api !== api) continue;
      if (rule.account && rule.account !== account) continue;
      if (rule.operation && rule.operation !== operation) continue;
      if (rule.times !== undefined && rule.applied >= rule.times) continue;
      rule.applied++;
      return { ...rule };
    }
    return null;
  }

  record(call: GoogleCall): void {
    this.calls.push(call);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
  }

  /** Oldest first; `params` filters on exact values (e.g. `{ input: 'lyon' }`). */
  listCalls(
    filter: { api?: string; operation?: string; params?: Record<string, string> } = {},
  ): GoogleCall[] {
    return this.calls.filter(
      (c) =>
        (!filter.api || c.api === filter.api) &&
        (!filter.operation || c.operation === filter.operation) &&
        Object.entries(filter.params ?? {}).every(([k, v]) => c.params[k] === v),
    );
  }

  reset(): void {
    this.rules = [];
    this.calls = [];
  }
}
