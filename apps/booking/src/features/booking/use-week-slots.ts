// The free times of one consultation type for the week shown, and the search for the next week
// that has any. The grid never computes slots: it shows what get_available_slot_days answers.
import { ref, shallowRef } from 'vue';
import { addDays, DAY_MS, SLOT_WINDOW_MAX_DAYS } from '@carebook/domain';
import { getAvailableSlots, type CarebookClient, type DataError, type Slot } from '@carebook/data';
import { weekStartAt, weekWindow } from '@carebook/ui';

export interface WeekTarget {
  practitionerId: string;
  typeId: string;
  /** Viewer's zone. */
  zone: string;
  /** Days ahead bookings open (the type's horizon): no search beyond. */
  horizonDays: number;
}

export function useWeekSlots(client: CarebookClient) {
  const slots = shallowRef<Slot[]>([]);
  // Loading from the start: an empty grid would flash "no free time" before the first answer.
  const loading = ref(true);
  const jumping = ref(false);
  const error = shallowRef<DataError | null>(null);
  /** True once a search found nothing up to the horizon. */
  const nothingAhead = ref(false);
  let asked = 0;

  async function load(target: WeekTarget, weekStart: string): Promise<void> {
    const mine = ++asked;
    loading.value = true;
    error.value = null;
    const result = await getAvailableSlots(client, {
      practitionerId: target.practitionerId,
      consultationTypeId: target.typeId,
      ...weekWindow(target.zone, weekStart),
    });
    // A later week asked meanwhile wins: answers may come back out of order.
    if (mine !== asked) return;
    loading.value = false;
    if (result.ok) slots.value = result.data;
    else {
      slots.value = [];
      error.value = result.error;
    }
  }

  /** The Monday of the first week after `weekStart` with a free time, or null up to the horizon. */
  async function findNextWeek(
    target: WeekTarget,
    weekStart: string,
    now = Date.now(),
  ): Promise<string | null> {
    jumping.value = true;
    nothingAhead.value = false;
    try {
      let from = Date.parse(weekWindow(target.zone, addDays(weekStart, 7)).from);
      const end = now + (target.horizonDays + 1) * DAY_MS;
      while (from < end) {
        const to = Math.min(from + SLOT_WINDOW_MAX_DAYS * DAY_MS, end);
        const result = await getAvailableSlots(client, {
          practitionerId: target.practitionerId,
          consultationTypeId: target.typeId,
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
        });
        if (!result.ok) {
          error.value = result.error;
          return null;
        }
        const first = result.data[0];
        if (first) return weekStartAt(target.zone, Date.parse(first.startsAt));
        from = to;
      }
      nothingAhead.value = true;
      return null;
    } finally {
      jumping.value = false;
    }
  }

  return { slots, loading, jumping, error, nothingAhead, load, findNextWeek };
}
