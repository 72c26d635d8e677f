import { describe, expect, it } from 'vitest';
import {
  kmBetween,
  planRound,
  routeUrl,
  simulateRound,
  travelMinutes,
  type Point,
  type RoundStop,
} from './home-rounds.ts';

const base: Point = { lat: 45.75, lng: 4.85 };
const at8 = Date.UTC(2027, 2, 1, 7, 0);
const h = (hours: number) => at8 + hours * 3_600_000;
const east = (km: number): Point => ({
  lat: base.lat,
  lng: base.lng + km / (111.195 * Math.cos((base.lat * Math.PI) / 180)),
});
const north = (km: number): Point => ({ lat: base.lat + km / 111.195, lng: base.lng });

function stop(id: string, p: Point, from = h(0), to = h(10), fixed = false, durationMinutes = 20): RoundStop {
  return { id, ...p, windowStart: from, windowEnd: to, durationMinutes, fixed };
}

/** A tiny deterministic generator, so that failures replay. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('travel estimates', () => {
  it('are straight lines: Paris to Lyon is about 392 km', () => {
    expect(kmBetween({ lat: 48.8566, lng: 2.3522 }, { lat: 45.764, lng: 4.8357 })).toBeCloseTo(392, -1);
    expect(kmBetween(base, base)).toBe(0);
  });

  it('take 25 km/h in town, rounded up to the minute', () => {
    expect(travelMinutes(5)).toBe(12);
    expect(travelMinutes(0.1)).toBe(1);
    expect(travelMinutes(0)).toBe(0);
  });
});

describe('planning a round', () => {
  it('visits flexible stops along a street in order, whatever order they came in', () => {
    const plan = planRound(base, h(0), [stop('c', east(3)), stop('a', east(1)), stop('b', east(2))]);
    expect(plan.stops.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(plan.totalKm).toBeCloseTo(3, 1);
    expect(plan.feasible).toBe(true);
  });

  it('goes further first when a window closes early', () => {
    const plan = planRound(base, h(0), [stop('near', east(1)), stop('early', north(4), h(0), h(0.5))]);
    expect(plan.stops.map((s) => s.id)).toEqual(['early', 'near']);
    expect(plan.feasible).toBe(true);
  });

  it('keeps a fixed visit at its time and fits the flexible ones around it', () => {
    const fixed = stop('fixed', east(5), h(1), h(1) + 30 * 60_000, true, 30);
    const plan = planRound(base, h(0), [stop('a', east(1)), fixed, stop('b', east(6), h(2), h(6))]);
    const planned = Object.fromEntries(plan.stops.map((s) => [s.id, s]));
    expect(planned.fixed!.startsAt).toBe(h(1));
    expect(plan.stops.map((s) => s.id)).toEqual(['a', 'fixed', 'b']);
    expect(plan.feasible).toBe(true);
  });

  it('waits for a window to open and says when a visit cannot be on time', () => {
    const plan = simulateRound(base, h(0), [
      stop('later', east(1), h(2), h(3)),
      stop('gone', east(2), h(0), h(1)),
    ]);
    expect(plan.stops[0]!.startsAt).toBe(h(2));
    expect(plan.stops[1]!.onTime).toBe(false);
    expect(plan.feasible).toBe(false);
  });

  it('ends 2-opt optimal: no reversal of a stretch shortens a round of wide windows', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const next = random(seed);
      const stops = Array.from({ length: 12 }, (_, i) =>
        stop(`s${i}`, { lat: base.lat + (next() - 0.5) * 0.1, lng: base.lng + (next() - 0.5) * 0.1 }),
      );
      const plan = planRound(base, h(0), stops);
      expect(plan.feasible).toBe(true);
      const byId = new Map(stops.map((s) => [s.id, s]));
      const order = plan.stops.map((s) => byId.get(s.id)!);
      for (let i = 0; i < order.length - 1; i++) {
        for (let j = i + 1; j < order.length; j++) {
          const moved = [...order.slice(0, i), ...order.slice(i, j + 1).reverse(), ...order.slice(j + 1)];
          expect(simulateRound(base, h(0), moved).totalKm).toBeGreaterThanOrEqual(plan.totalKm - 1e-9);
        }
      }
    }
  });

  it('is never longer than the stops in their given order when that order keeps the windows', () => {
    const next = random(7);
    const stops = Array.from({ length: 20 }, (_, i) =>
      stop(`s${i}`, { lat: base.lat + (next() - 0.5) * 0.2, lng: base.lng + (next() - 0.5) * 0.2 }),
    );
    const asGiven = simulateRound(base, h(0), stops);
    const plan = planRound(base, h(0), stops);
    expect(plan.totalKm).toBeLessThanOrEqual(asGiven.totalKm);
    expect(plan.totalTravelMinutes).toBe(plan.stops.reduce((sum, s) => sum + s.legMinutes, 0));
  });
});

describe('the route link', () => {
  it('opens the maps app from the start through the stops in order', () => {
    const url = new URL(routeUrl(base, [east(1), east(2), east(3)]));
    expect(url.origin + url.pathname).toBe('https://www.google.com/maps/dir/');
    expect(url.searchParams.get('api')).toBe('1');
    expect(url.searchParams.get('origin')).toBe('45.750000,4.850000');
    expect(url.searchParams.get('waypoints')!.split('|')).toHaveLength(2);
    expect(url.searchParams.get('destination')).toBe(`${east(3).lat.toFixed(6)},${east(3).lng.toFixed(6)}`);
  });
});
