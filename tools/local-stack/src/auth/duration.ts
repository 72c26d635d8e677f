// Go's time.ParseDuration syntax ("1s", "876000h", "1h30m"), which GoTrue uses for ban_duration
// and the Supabase CLI for config.toml values such as auth.email.max_frequency.

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds in a Go duration string; throws on anything Go would reject. */
export function parseGoDuration(text: string): number {
  const input = text.trim();
  if (input === '0') return 0;
  const match = /^([-+]?)((?:\d+(?:\.\d+)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(input);
  if (!match) throw new Error(`time: invalid duration "${text}"`);
  const sign = match[1] === '-' ? -1 : 1;
  let total = 0;
  for (const part of input.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d+)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * (UNIT_MS[part[2] ?? ''] ?? 0);
  }
  return sign * total;
}
