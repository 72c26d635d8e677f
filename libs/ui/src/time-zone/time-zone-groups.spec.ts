import { describe, expect, it } from 'vitest';
import { FRENCH_TIME_ZONES, timeZoneGroups } from './time-zone-groups.ts';

describe('timeZoneGroups', () => {
  const known = ['Europe/Paris', 'America/Martinique', 'Indian/Reunion', 'Europe/London'];

  it('groups zones by region, sorted, with UTC on its own', () => {
    expect(timeZoneGroups('Europe/Paris', null, known)).toEqual([
      { label: 'America', zones: ['America/Martinique'] },
      { label: 'Europe', zones: ['Europe/London', 'Europe/Paris'] },
      { label: 'Indian', zones: ['Indian/Reunion'] },
      { label: 'UTC', zones: ['UTC'] },
    ]);
  });

  it('keeps the current value even when the browser does not list it', () => {
    const groups = timeZoneGroups('Pacific/Tahiti', null, known);
    expect(groups.find((g) => g.label === 'Pacific')?.zones).toEqual(['Pacific/Tahiti']);
  });

  it('puts the likely zones first, under their own label', () => {
    const [first, second] = timeZoneGroups('Europe/Paris', { label: 'France', zones: FRENCH_TIME_ZONES }, known);
    expect(first).toEqual({ label: 'France', zones: [...FRENCH_TIME_ZONES] });
    expect(second?.label).toBe('America');
  });

  it('offers only zones the browser and the database know', () => {
    for (const zone of FRENCH_TIME_ZONES) expect(Intl.supportedValuesOf('timeZone')).toContain(zone);
  });
});
