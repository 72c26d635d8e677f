// Failure injection for the Brevo fake, driven by tests over HTTP (/brevo/_control): rules that make
// matching calls answer 429 (with Brevo's x-sib-ratelimit-* headers), 5xx or any status, answer
// slowly, or fail at a seeded rate; and a record of every call, so a test can assert when calls came.

export type Channel = 'email' | 'sms';

/** What a test asks for. Every field but the id is optional: an empty rule matches every call. */
export interface FaultRuleInput {
  /** Only calls on this channel (default both). */
  channel?: Channel;
  /** Only calls to one of these e-mail addresses (any case) or phone numbers (spaces and dashes ignored). */
  recipients?: string[];
  /** Answer this status instead of sending (429, 500, 503, 400...); absent: send, maybe slowly. */
  status?: number;
  /** With 429: the x-sib-ratelimit-reset header, in seconds (default 60). */
  resetSeconds?: number;
  /** Wait this long before answering. When the call is sent, it is in the inbox before the wait. */
  delayMs?: number;
  /** Share of matching calls the rule applies to, 0..1 (default 1), drawn from a PRNG seeded by `seed`. */
  rate?: number;
  seed?: number;
  /** Applies to this many calls at most, then stops matching (default: no limit). */
  times?: number;
}

export interface FaultRule extends FaultRuleInput {
  id: string;
  /** How many calls it has applied to. */
  applied: number;
}

export interface RecordedCall {
  /** When the request arrived (ISO). */
  at: string;
  channel: Channel;
  recipients: string[];
  /** The status the fake answered. */
  status: number;
  idempotencyKey: string | null;
  /** True when the key had been seen: answered again, not sent again. */
  duplicate: boolean;
  /** The rule that decided the answer, if any. */
  ruleId: string | null;
}

/** Mulberry32: a tiny PRNG, so a seeded rate gives the same answers in the same call order. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const normalizeRecipient = (r: string): string => r.trim().toLowerCase().replace(/[\s-]/g, '');

/** Checks a rule a test sent; answers why it is refused, or null. */
export function invalidRule(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'a rule is a JSON object';
  const r = raw as Record<string, unknown>;
  const known = ['channel', 'recipients', 'status', 'resetSeconds', 'delayMs', 'rate', 'seed', 'times'];
  const unknown = Object.keys(r).filter((k) => !known.includes(k));
  if (unknown.length > 0) return `unknown field(s): ${unknown.join(', ')}`;
  if (r.channel !== undefined && r.channel !== 'email' && r.channel !== 'sms')
    return 'channel is email or sms';
  if (
    r.recipients !== undefined &&
    (!Array.isArray(r.recipients) || r.recipients.some((x) => typeof x !== 'string' || x.trim() === ''))
  )
    return 'recipients is an array of non-empty strings';
  const int = (k: string, min: number, max: number) =>
    r[k] === undefined || (Number.isInteger(r[k]) && (r[k] as number) >= min && (r[k] as number) <= max);
  if (!int('status', 400, 599)) return 'status is an HTTP error status (400-599)';
  if (!int('resetSeconds', 0, 86_400)) return 'resetSeconds is an integer from 0 to 86400';
  if (!int('delayMs', 0, 600_000)) return 'delayMs is an integer from 0 to 600000';
  if (!int('times', 1, 1_000_000_000)) return 'times is a positive integer';
  if (!int('seed', -(2 ** 31), 2 ** 32)) return 'seed is an integer';
  if (r.rate !== undefined && (typeof r.rate !== 'number' || r.rate < 0 || r.rate > 1))
    return 'rate is a number from 0 to 1';
  if (r.status === undefined && r.delayMs === undefined) return 'a rule needs a status or a delayMs';
  return null;
}

// Enough for the notify benchmark (10,000 reminders on two channels) several times over.
const MAX_CALLS = 200_000;

export class FaultBook {
  private rules: (FaultRule & { random: () => number })[] = [];
  private calls: RecordedCall[] = [];
  private next = 1;

  add(input: FaultRuleInput): FaultRule {
    const rule = { ...input, id: `rule-${this.next++}`, applied: 0, random: prng(input.seed ?? 1) };
    this.rules.push(rule);
    return this.view(rule);
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => this.view(r));
  }

  /** The first rule that matches and, by its rate, applies to this call; counts it as applied. */
  decide(channel: Channel, recipients: string[]): FaultRule | null {
    const wanted = recipients.map(normalizeRecipient);
    for (const rule of this.rules) {
      if (rule.channel && rule.channel !== channel) continue;
      if (rule.recipients && !rule.recipients.some((r) => wanted.includes(normalizeRecipient(r)))) continue;
      if (rule.times !== undefined && rule.applied >= rule.times) continue;
      if (rule.rate !== undefined && rule.random() >= rule.rate) continue;
      rule.applied++;
      return this.view(rule);
    }
    return null;
  }

  record(call: RecordedCall): void {
    this.calls.push(call);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
  }

  /** Oldest first; filtered by channel and by a recipient (normalized as rules are). */
  listCalls(filter: { channel?: Channel; recipient?: string } = {}): RecordedCall[] {
    const wanted = filter.recipient ? normalizeRecipient(filter.recipient) : null;
    return this.calls.filter(
      (c) =>
        (!filter.channel || c.channel === filter.channel) &&
        (!wanted || c.recipients.some((r) => normalizeRecipient(r) === wanted)),
    );
  }

  /** Forgets the rules and the calls (the inbox is not touched). */
  reset(): void {
    this.rules = [];
    this.calls = [];
  }

  private view(rule: FaultRule & { random?: () => number }): FaultRule {
    const { random: _random, ...rest } = rule;
    return rest;
  }
}

/** The headers Brevo sends with a 429: its window's size, what is left (nothing), and when it resets. */
export function rateLimitHeaders(resetSeconds: number): Record<string, string> {
  return {
    'x-sib-ratelimit-limit': '10',
    'x-sib-ratelimit-remaining': '0',
    'x-sib-ratelimit-reset': String(resetSeconds),
  };
}
