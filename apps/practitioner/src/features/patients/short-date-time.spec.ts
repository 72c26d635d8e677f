import { describe, expect, it } from 'vitest';
import { shortDateTime } from './short-date-time.ts';

describe('shortDateTime', () => {
  it('writes the instant in the zone asked, not the machine’s', () => {
    const at = '2027-01-04T08:00:00Z';
    expect(shortDateTime(at, 'Europe/Paris', 'fr')).toMatch(/^4 janv\. 2027.*09:00$/);
    expect(shortDateTime(at, 'America/Martinique', 'en')).toMatch(/^4 Jan 2027.*04:00$/);
  });

  it('follows summer time', () => {
    expect(shortDateTime('2027-07-05T08:00:00Z', 'Europe/Paris', 'fr')).toMatch(/10:00$/);
  });
});
