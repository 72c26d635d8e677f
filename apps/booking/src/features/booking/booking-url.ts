// The choice in progress (type, slot, week shown) lives in the URL, so a reload, a shared link,
// the sign-in step or the confirmation e-mail's link all come back to the same choice. Session
// storage keeps a copy for the one path that loses the query: a sign-up link opened later.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

export interface BookingChoice {
  type: string | null;
  /** ISO instant of the chosen slot's start. */
  slot: string | null;
  /** Monday 'YYYY-MM-DD' of the week shown, in the viewer's zone. */
  week: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function single(value: LocationQuery[string] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** Reads the choice from a route query; anything malformed is dropped, never trusted. */
export function readChoice(query: LocationQuery): BookingChoice {
  const type = single(query.type);
  const slot = single(query.slot);
  const week = single(query.week);
  const slotMs = slot === null ? NaN : Date.parse(slot);
  return {
    type: type !== null && UUID.test(type) ? type : null,
    slot: Number.isFinite(slotMs) ? new Date(slotMs).toISOString() : null,
    week: week !== null && DATE.test(week) && Number.isFinite(Date.parse(week)) ? week : null,
  };
}

/** The query for a choice; empty parts are left out so URLs stay short. */
export function choiceQuery(choice: BookingChoice): LocationQueryRaw {
  return {
    ...(choice.type && { type: choice.type }),
    ...(choice.slot && { slot: choice.slot }),
    ...(choice.week && { week: choice.week }),
  };
}

const KEY = 'carebook.booking-choice';

/** Keeps the choice for this practitioner in the tab's session storage. */
export function rememberChoice(storage: Storage, slug: string, choice: BookingChoice): void {
  try {
    storage.setItem(KEY, JSON.stringify({ slug, ...choice }));
  } catch {
    // Private browsing may refuse storage: the URL still carries the choice.
  }
}

/** The kept choice for this practitioner, if any. */
export function recallChoice(storage: Storage, slug: string): BookingChoice | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const saved = JSON.parse(raw) as Record<string, unknown>;
    if (saved.slug !== slug) return null;
    const query: LocationQuery = {};
    for (const k of ['type', 'slot', 'week'] as const) if (typeof saved[k] === 'string') query[k] = saved[k];
    return readChoice(query);
  } catch {
    return null;
  }
}

export function forgetChoice(storage: Storage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // Nothing to forget when storage is refused.
  }
}
