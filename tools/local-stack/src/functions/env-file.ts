// Reads a dotenv file the way `supabase functions serve --env-file` and `supabase secrets set
// --env-file` do for the cases that matter: KEY=value lines, comments, optional `export`, quotes.

export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key, rest] = match as unknown as [string, string, string];
    out[key] = parseValue(rest);
  }
  return out;
}

function parseValue(rest: string): string {
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const end = rest.indexOf(quote, 1);
    const inner = end === -1 ? rest.slice(1) : rest.slice(1, end);
    // Only double quotes expand escapes, as in shells and dotenv.
    return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
  }
  // An unquoted value ends at a comment that follows whitespace.
  return rest.replace(/\s+#.*$/, '').trim();
}
