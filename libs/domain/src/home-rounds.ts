// A practitioner's home-visit round for one day: straight-line travel estimates at an urban speed
// (an estimate, and the screens say so), and an order for the flexible visits that keeps every
// visit inside its window: nearest neighbour first, then 2-opt moves that shorten the round
// without breaking a window. Fixed visits keep their time. Pure: no clock, no I/O.

export interface Point {
  lat: number;
  lng: number;
}

export interface RoundStop extends Point {
  id: string;
  /** Earliest start and latest end of the visit, epoch ms. A fixed visit's window is its booking. */
  windowStart: number;
  windowEnd: number;
  durationMinutes: number;
  /** A fixed visit keeps its booked time (windowStart); only flexible ones move. */
  fixed: boolean;
}

export interface PlannedStop {
  id: string;
  /** When the visit starts in this plan, epoch ms. */
  startsAt: number;
  /** Straight-line km from the previous stop (or the start), and the minutes it is estimated at. */
  legKm: number;
  legMinutes: number;
  /** Whether the visit fits its window in this order. */
  onTime: boolean;
}

export interface RoundPlan {
  stops: PlannedStop[];
  totalKm: number;
  totalTravelMinutes: number;
  /** Every visit inside its window. */
  feasible: boolean;
}

/** Average door-to-door speed in town, for estimates only (traffic, parking and stairs vary). */
export const URBAN_SPEED_KMH = 25;

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function kmBetween(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Estimated minutes to cover `km` in town, rounded up to the minute. */
export function travelMinutes(km: number, speedKmh = URBAN_SPEED_KMH): number {
  return Math.ceil((km / speedKmh) * 60);
}

/** The plan an order gives: each visit starts when the practitioner is there and its window opens. */
export function simulateRound(
  start: Point,
  startAt: number,
  order: readonly RoundStop[],
  speedKmh = URBAN_SPEED_KMH,
): RoundPlan {
  let here: Point = start;
  let clock = startAt;
  let totalKm = 0;
  let totalTravelMinutes = 0;
  let feasible = true;
  const stops: PlannedStop[] = order.map((stop) => {
    const legKm = kmBetween(here, stop);
    const legMinutes = travelMinutes(legKm, speedKmh);
    const arrival = clock + legMinutes * 60_000;
    const startsAt = stop.fixed ? stop.windowStart : Math.max(arrival, stop.windowStart);
    const end = startsAt + stop.durationMinutes * 60_000;
    const onTime = arrival <= startsAt && end <= stop.windowEnd;
    feasible &&= onTime;
    totalKm += legKm;
    totalTravelMinutes += legMinutes;
    here = stop;
    clock = end;
    return { id: stop.id, startsAt, legKm, legMinutes, onTime };
  });
  return { stops, totalKm, totalTravelMinutes, feasible };
}

/**
 * Orders a day's visits: fixed ones stay where their time puts them, flexible ones are chained
 * by nearest reachable neighbour, then improved by 2-opt (reversing a stretch of the round) while
 * that shortens it without making a visit late. `startAt` is when the practitioner leaves `start`.
 * Distances are computed once; a move is tried by reversing in place and undone if it loses.
 */
export function planRound(
  start: Point,
  startAt: number,
  visits: readonly RoundStop[],
  speedKmh = URBAN_SPEED_KMH,
): RoundPlan {
  const n = visits.length;
  // Index 0 is the start, i + 1 is visits[i].
  const points: Point[] = [start, ...visits];
  const km = points.map((a) => points.map((b) => kmBetween(a, b)));
  const ms = km.map((row) => row.map((d) => travelMinutes(d, speedKmh) * 60_000));
  const begins = (v: RoundStop, arrival: number) =>
    v.fixed ? v.windowStart : Math.max(arrival, v.windowStart);
  const fits = (v: RoundStop, arrival: number) => {
    const at = begins(v, arrival);
    return arrival <= at && at + v.durationMinutes * 60_000 <= v.windowEnd;
  };

  // Late visits first, then kilometres: a plan that keeps every window beats one that does not.
  const score = (order: number[]): [number, number] => {
    let here = 0;
    let clock = startAt;
    let late = 0;
    let total = 0;
    for (const i of order) {
      const v = visits[i]!;
      const arrival = clock + ms[here]![i + 1]!;
      if (!fits(v, arrival)) late++;
      total += km[here]![i + 1]!;
      clock = begins(v, arrival) + v.durationMinutes * 60_000;
      here = i + 1;
    }
    return [late, total];
  };
  const beats = (a: [number, number], b: [number, number]) =>
    a[0] < b[0] || (a[0] === b[0] && a[1] < b[1] - 1e-9);

  // Nearest neighbour: from where we are, the closest visit we can still reach in its window; a
  // fixed visit goes first when doing the nearest one would make us late for it.
  const left = new Set(Array.from({ length: n }, (_, i) => i));
  const order: number[] = [];
  let here = 0;
  let clock = startAt;
  while (left.size > 0) {
    const all = [...left];
    const reachable = all.filter((i) => fits(visits[i]!, clock + ms[here]![i + 1]!));
    const pool = reachable.length > 0 ? reachable : all;
    let dueFixed: number | undefined;
    let nearest: number | undefined;
    for (const i of pool) {
      const v = visits[i]!;
      if (v.fixed) {
        if (dueFixed === undefined || v.windowStart < visits[dueFixed]!.windowStart) dueFixed = i;
      } else if (
        nearest === undefined ||
        km[here]![i + 1]! < km[here]![nearest + 1]! ||
        (km[here]![i + 1]! === km[here]![nearest + 1]! && v.windowEnd < visits[nearest]!.windowEnd)
      ) {
        nearest = i;
      }
    }
    let next = nearest ?? dueFixed!;
    if (dueFixed !== undefined && nearest !== undefined) {
      const v = visits[nearest]!;
      const done = begins(v, clock + ms[here]![nearest + 1]!) + v.durationMinutes * 60_000;
      if (done + ms[nearest + 1]![dueFixed + 1]! > visits[dueFixed]!.windowStart) next = dueFixed;
    }
    order.push(next);
    left.delete(next);
    const v = visits[next]!;
    clock = begins(v, clock + ms[here]![next + 1]!) + v.durationMinutes * 60_000;
    here = next + 1;
  }

  // 2-opt: reverse order[i..j] whenever the round gets better; stop when no move helps.
  const reverse = (i: number, j: number) => {
    for (let a = i, b = j; a < b; a++, b--) [order[a], order[b]] = [order[b]!, order[a]!];
  };
  let best = score(order);
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        reverse(i, j);
        const tried = score(order);
        if (beats(tried, best)) {
          best = tried;
          improved = true;
        } else {
          reverse(i, j);
        }
      }
    }
  }
  return simulateRound(
    start,
    startAt,
    order.map((i) => visits[i]!),
    speedKmh,
  );
}

/**
 * The route in the person's maps app: Google Maps' universal directions link (opens the app on
 * phones that have it, the website elsewhere), from the start through every stop in order.
 */
export function routeUrl(start: Point, stops: readonly Point[]): string {
  const at = (p: Point) => `${p.lat.toFixed(6)},${p.lng.toFixed(6)}`;
  const params = new URLSearchParams({ api: '1', origin: at(start), travelmode: 'driving' });
  if (stops.length > 0) params.set('destination', at(stops[stops.length - 1]!));
  if (stops.length > 1) params.set('waypoints', stops.slice(0, -1).map(at).join('|'));
  return `https://www.google.com/maps/dir/?${params.toString()}`;
}
