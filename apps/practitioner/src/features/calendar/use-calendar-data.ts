// The calendar's data, one request per visible range: FullCalendar asks for each range it shows;
// a range inside the last answer is served from it (the first answer, asked before the
// practitioner's zone is known, is padded a day either side so the first week needs no second
// request). After a change the next ask goes to the server.
import { ref, shallowRef } from 'vue';
import {
  getPractitionerCalendar,
  type CarebookClient,
  type DataError,
  type PractitionerCalendar,
} from '@carebook/data';
import type { InstantRange } from '@carebook/domain';

export function covers(outer: InstantRange, inner: InstantRange): boolean {
  return Date.parse(outer.from) <= Date.parse(inner.from) && Date.parse(outer.to) >= Date.parse(inner.to);
}

/** Monday 00:00 UTC of the week around `now`, a day either side: any zone's week fits inside. */
export function paddedWeekAround(now: number): InstantRange {
  const day = 86_400_000;
  const midnight = Math.floor(now / day) * day;
  const isoWeekday = ((new Date(midnight).getUTCDay() + 6) % 7) + 1;
  const monday = midnight - (isoWeekday - 1) * day;
  return { from: new Date(monday - day).toISOString(), to: new Date(monday + 8 * day).toISOString() };
}

export function useCalendarData(client: CarebookClient) {
  const data = shallowRef<PractitionerCalendar | null>(null);
  const loading = ref(false);
  const error = shallowRef<DataError | null>(null);
  let held: InstantRange | null = null;
  let stale = false;
  let latest = 0;

  async function load(window: InstantRange): Promise<PractitionerCalendar> {
    if (!stale && data.value && held && covers(held, window)) return data.value;
    const mine = ++latest;
    loading.value = true;
    error.value = null;
    const result = await getPractitionerCalendar(client, window);
    // An older request answering late neither hides the spinner nor replaces newer data.
    if (mine === latest) loading.value = false;
    if (!result.ok) {
      if (mine === latest) error.value = result.error;
      throw new Error(result.error.code);
    }
    if (mine === latest) {
      data.value = result.data;
      held = window;
      stale = false;
    }
    return result.data;
  }

  /** The next load asks the server, whatever it holds. */
  function invalidate(): void {
    stale = true;
  }

  return { data, loading, error, load, invalidate };
}
