import { describe, expect, it } from 'vitest';
import { disjointSlots, rotations, spread } from './scenarios.ts';

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
const slot = (start: string, end: string) => ({ starts_at: at(start), ends_at: at(end) });

describe('disjointSlots', () => {
  const slots = ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00'].map((s) => {
    const start = at(s);
    return { starts_at: start, ends_at: new Date(start.getTime() + 30 * 60_000) };
  });

  it('skips slots whose blocked range would overlap one already picked', () => {
    const picked = disjointSlots(slots, 0, 0, 10).map((s) => s.starts_at.toISOString().slice(11, 16));
    expect(picked).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
  });

  it('counts buffers before and after', () => {
    const picked = disjointSlots(slots, 5 * 60_000, 10 * 60_000, 10).map((s) =>
      s.starts_at.toISOString().slice(11, 16),
    );
    expect(picked).toEqual(['09:00', '09:45', '10:30']);
  });

  it('stops at the count asked for and accepts back-to-back slots', () => {
    expect(
      disjointSlots([slot('09:00', '09:30'), slot('09:30', '10:00'), slot('10:00', '10:30')], 0, 0, 2),
    ).toHaveLength(2);
  });
});

describe('rotations and spread', () => {
  it('starts each client further along the same list', () => {
    expect(rotations([1, 2, 3, 4], 2)).toEqual([
      [1, 2, 3, 4],
      [3, 4, 1, 2],
    ]);
  });

  it('picks evenly across a list, or all of a short one', () => {
    expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
    expect(spread([1, 2], 5)).toEqual([1, 2]);
  });
});
