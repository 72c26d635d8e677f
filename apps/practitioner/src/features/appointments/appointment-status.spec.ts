import { describe, expect, it } from 'vitest';
import { statusColor, statusLabel } from './appointment-status.ts';

const now = Date.parse('2027-01-04T12:00:00Z');

describe('statusLabel', () => {
  it('reads a confirmed appointment that is over as past, and leaves the others as they are', () => {
    expect(statusLabel('confirmed', '2027-01-04T11:30:00Z', now)).toBe('past');
    expect(statusLabel('confirmed', '2027-01-04T12:30:00Z', now)).toBe('confirmed');
    expect(statusLabel('completed', '2027-01-01T09:30:00Z', now)).toBe('completed');
    expect(statusLabel('no_show', '2027-01-01T09:30:00Z', now)).toBe('no_show');
    expect(statusLabel('held', '2027-01-05T09:30:00Z', now)).toBe('held');
  });

  it('gives every label its own colour, a warning one to no-shows', () => {
    const labels = ['held', 'confirmed', 'past', 'completed', 'cancelled', 'no_show'] as const;
    expect(new Set(labels.map(statusColor)).size).toBe(labels.length);
    expect(statusColor('no_show')).toBe('red-9');
  });
});
