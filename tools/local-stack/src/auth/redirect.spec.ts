import { describe, expect, it } from 'vitest';
import { chooseRedirect, globToRegExp, isRedirectAllowed, requestRedirect } from './redirect.ts';

const SITE = 'http://127.0.0.1:9000';
const ALLOW = ['http://localhost:9000/**', 'https://*.carebook.example/app/*'];

describe('globToRegExp', () => {
  it('lets ** cross separators while * and ? stay within one segment', () => {
    expect(globToRegExp('http://localhost:9000/**').test('http://localhost:9000/a/b.c?x=1')).toBe(true);
    expect(globToRegExp('https://*.carebook.example').test('https://eu.carebook.example')).toBe(true);
    expect(globToRegExp('https://*.carebook.example').test('https://a.b.carebook.example')).toBe(false);
    expect(globToRegExp('https://x.example/a?c').test('https://x.example/abc')).toBe(true);
    expect(globToRegExp('https://x.example/a?c').test('https://x.example/a/c')).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    expect(globToRegExp('http://a.example/(x)+').test('http://a.example/(x)+')).toBe(true);
    expect(globToRegExp('http://a.example/(x)+').test('http://aXexample/xx')).toBe(false);
  });
});

describe('isRedirectAllowed', () => {
  it('accepts the site itself, any path, and other loopback ports', () => {
    expect(isRedirectAllowed('http://127.0.0.1:9000/welcome?x=1', SITE, [])).toBe(true);
    expect(isRedirectAllowed('http://127.0.0.1:9100/staff', SITE, [])).toBe(true);
  });

  it('accepts allow-list matches and ignores the fragment while matching', () => {
    expect(isRedirectAllowed('http://localhost:9000/account#tab', SITE, ALLOW)).toBe(true);
    expect(isRedirectAllowed('https://eu.carebook.example/app/login', SITE, ALLOW)).toBe(true);
  });

  it('refuses other hosts, other schemes and junk', () => {
    expect(isRedirectAllowed('https://evil.example/', SITE, ALLOW)).toBe(false);
    expect(isRedirectAllowed('https://127.0.0.1:9000/', SITE, [])).toBe(false);
    expect(isRedirectAllowed('https://eu.carebook.example/app/a/b', SITE, ALLOW)).toBe(false);
    expect(isRedirectAllowed('not a url', SITE, ALLOW)).toBe(false);
  });
});

describe('chooseRedirect / requestRedirect', () => {
  it('falls back to the site URL instead of failing', () => {
    expect(chooseRedirect(['https://evil.example/', undefined], SITE, ALLOW)).toBe(SITE);
    expect(chooseRedirect([null, 'http://localhost:9000/x'], SITE, ALLOW)).toBe('http://localhost:9000/x');
  });

  it('prefers the redirect_to header, then the query, then Referer', () => {
    const settings = { siteUrl: SITE, redirectUrls: ALLOW };
    const query = new URLSearchParams({ redirect_to: 'http://localhost:9000/q' });
    expect(requestRedirect({ query, headers: { redirect_to: 'http://localhost:9000/h' } }, settings)).toBe(
      'http://localhost:9000/h',
    );
    expect(requestRedirect({ query, headers: { referer: 'http://localhost:9000/r' } }, settings)).toBe(
      'http://localhost:9000/q',
    );
    expect(
      requestRedirect(
        { query: new URLSearchParams(), headers: { referer: 'http://localhost:9000/r' } },
        settings,
      ),
    ).toBe('http://localhost:9000/r');
  });
});
