import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect.ts';

describe('safeRedirect', () => {
  it('follows paths in this app', () => {
    expect(safeRedirect('/account?tab=1', '/x')).toBe('/account?tab=1');
  });

  it.each([undefined, '', 'account', 'https://evil.example', '//evil.example', '/\\evil.example', ['/a']])(
    'falls back for %s',
    (value) => {
      expect(safeRedirect(value, '/account')).toBe('/account');
    },
  );
});
