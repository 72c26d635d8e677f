// Which redirect_to values the auth server honours: GoTrue's rules, so a URL accepted locally is
// accepted by a hosted project configured with the same site URL and allow-list.

/**
 * GoTrue's allow-list globs (gobwas/glob with `.` and `/` as separators): `**` crosses
 * separators, `*` and `?` do not.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] ?? '';
    if (ch === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i += 1;
    } else if (ch === '*') {
      source += '[^./]*';
    } else if (ch === '?') {
      source += '[^./]';
    } else {
      source += ch.replace(/[\\^$+.()|{}[\]]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export function isRedirectAllowed(candidate: string, siteUrl: string, allowList: readonly string[]): boolean {
  let target: URL;
  let site: URL;
  try {
    target = new URL(candidate);
    site = new URL(siteUrl);
  } catch {
    return false;
  }
  // Back to the site itself; loopback ports may differ (RFC 8252 native-app rule GoTrue follows).
  if (
    target.hostname === site.hostname &&
    target.protocol === site.protocol &&
    (target.port === site.port || isLoopbackHost(target.hostname))
  ) {
    return true;
  }
  const withoutFragment = candidate.split('#')[0] ?? candidate;
  return allowList.some((pattern) => globToRegExp(pattern).test(withoutFragment));
}

/** The first acceptable candidate, else the site URL (GoTrue never rejects, it falls back). */
export function chooseRedirect(
  candidates: ReadonlyArray<string | null | undefined>,
  siteUrl: string,
  allowList: readonly string[],
): string {
  for (const candidate of candidates) {
    if (candidate && isRedirectAllowed(candidate, siteUrl, allowList)) return candidate;
  }
  return siteUrl;
}

/** GoTrue's referrer rule: a `redirect_to` header, then the query parameter, then Referer. */
export function requestRedirect(
  req: { query: URLSearchParams; headers: Record<string, string | string[] | undefined> },
  settings: { siteUrl: string; redirectUrls: readonly string[] },
  bodyRedirect?: string,
): string {
  const header = req.headers['redirect_to'];
  const referer = req.headers.referer;
  return chooseRedirect(
    [
      typeof header === 'string' ? header : undefined,
      bodyRedirect,
      req.query.get('redirect_to'),
      typeof referer === 'string' ? referer : undefined,
    ],
    settings.siteUrl,
    settings.redirectUrls,
  );
}
