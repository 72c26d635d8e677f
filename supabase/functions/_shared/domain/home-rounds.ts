// GENERATED from libs/domain/src/home-rounds.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
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

/** Lexicographic: a plan that keeps every window beats one that does not, then the shorter one. */
function better(a: RoundPlan, b: RoundPlan): boolean {
  const late = (p: RoundPlan) => p.stops.filter((s) => !s.onTime).length;
  if (late(a) !== late(b)) return late(a) < late(b);
  return a.totalKm < b.totalKm - 1e-9;
}

/**
 * Orders a day's visits: fixed ones stay where their time puts them, flexible ones are chained
 * by nearest reachable neighbour, then improved by 2-opt (reversing a stretch of the round) while
 * that shortens it without making a visit late. `startAt` is when the practitioner leaves `start`.
 */
export function planRound(
  start: Point,
  startAt: number,
  visits: readonly RoundStop[],
  speedKmh = URBAN_SPEED_KMH,
): RoundPlan {
  // Nearest neighbour: from where we are, the closest visit we can still reach in its window;
  // a fixed visit whose time comes before we could do another one goes first.
  const left = [...visits];
  const order: RoundStop[] = [];
  let here: Point = start;
  let clock = startAt;
  while (left.length > 0) {
    const reachable = left.filter((v) => {
      const arrival = clock + travelMinutes(kmBetween(here, v), speedKmh) * 60_000;
      const begins = v.fixed ? v.windowStart : Math.max(arrival, v.windowStart);
      return arrival <= begins && begins + v.durationMinutes * 60_000 <= v.windowEnd;
    });
    const pool = reachable.length > 0 ? reachable : left;
    const dueFixed = pool.filter((v) => v.fixed).sort((a, b) => a.windowStart - b.windowStart)[0];
    const nearest = pool
      .filter((v) => !v.fixed)
      .sort((a, b) => kmBetween(here, a) - kmBetween(here, b) || a.windowEnd - b.windowEnd)[0];
    let next = nearest ?? dueFixed!;
    if (dueFixed && nearest) {
      // Doing the nearest one first must still leave time to reach the fixed one.
      const arrival = clock + travelMinutes(kmBetween(here, nearest), speedKmh) * 60_000;
      const done = Math.max(arrival, nearest.windowStart) + nearest.durationMinutes * 60_000;
      const thenFixed = done + travelMinutes(kmBetween(nearest, dueFixed), speedKmh) * 60_000;
      if (thenFixed > dueFixed.windowStart) next = dueFixed;
    }
    order.push(next);
    left.splice(left.indexOf(next), 1);
    const arrival = clock + travelMinutes(kmBetween(here, next), speedKmh) * 60_000;
    clock =
      (next.fixed ? next.windowStart : Math.max(arrival, next.windowStart)) + next.durationMinutes * 60_000;
    here = next;
  }

  // 2-opt: reverse order[i..j] whenever the round gets better; stop when no move helps.
  let best = simulateRound(start, startAt, order, speedKmh);
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < order.length - 1; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const candidate = [...order.slice(0, i), ...order.slice(i, j + 1).reverse(), ...order.slice(j + 1)];
        const plan = simulateRound(start, startAt, candidate, speedKmh);
        if (better(plan, best)) {
          order.splice(0, order.length, ...candidate);
          best = plan;
          improved = true;
        }
      }
    }
  }
  return best;
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
