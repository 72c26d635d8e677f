import { describe, expect, it } from 'vitest';
import type { CarebookClient } from '@carebook/data';
import { covers, paddedWeekAround, useCalendarData } from './use-calendar-data.ts';

const answer = { time_zone: 'Europe/Paris', types: [], appointments: [], exceptions: [], busy: [] };

/** A client whose rpc answers like PostgREST does, counting calls. */
function fakeClient(fail = false) {
  const calls: unknown[] = [];
  const client = {
    rpc: (name: string, args: unknown) => {
      calls.push([name, args]);
      return Promise.resolve(
        fail
          ? {
              data: null,
              error: { code: 'PT404', details: 'not_found', message: 'no', hint: null },
              status: 404,
            }
          : { data: answer, error: null, status: 200 },
      );
    },
  } as unknown as CarebookClient;
  return { client, calls };
}

describe('paddedWeekAround', () => {
  it('covers Monday to Monday of the week a day either side, whatever the zone', () => {
    // Sunday 6 December 2026, 23:30 UTC: already Monday in Paris, still Sunday in New York.
    const w = paddedWeekAround(Date.parse('2026-12-06T23:30:00Z'));
    expect(w).toEqual({ from: '2026-11-29T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' });
    expect(covers(w, { from: '2026-11-29T23:00:00Z', to: '2026-12-06T23:00:00Z' })).toBe(true); // Paris week
    expect(covers(w, { from: '2026-11-30T05:00:00Z', to: '2026-12-07T05:00:00Z' })).toBe(true); // New York week
    expect(covers(w, { from: '2026-12-06T23:00:00Z', to: '2026-12-13T23:00:00Z' })).toBe(false);
  });
});

describe('useCalendarData', () => {
  it('serves a range inside the last answer without a request, and asks again once invalidated', async () => {
    const { client, calls } = fakeClient();
    const data = useCalendarData(client);
    await data.load({ from: '2027-03-28T00:00:00Z', to: '2027-04-06T00:00:00Z' });
    await data.load({ from: '2027-03-29T00:00:00Z', to: '2027-04-05T00:00:00Z' });
    expect(calls).toHaveLength(1);
    await data.load({ from: '2027-04-05T00:00:00Z', to: '2027-04-12T00:00:00Z' });
    expect(calls).toHaveLength(2);
    data.invalidate();
    await data.load({ from: '2027-04-05T00:00:00Z', to: '2027-04-12T00:00:00Z' });
    expect(calls).toHaveLength(3);
    expect(data.data.value?.timeZone).toBe('Europe/Paris');
    expect(data.loading.value).toBe(false);
  });

  it('keeps the refusal for the page and rejects the load', async () => {
    const { client } = fakeClient(true);
    const data = useCalendarData(client);
    await expect(data.load({ from: '2027-03-29T00:00:00Z', to: '2027-04-05T00:00:00Z' })).rejects.toThrow(
      'not_found',
    );
    expect(data.error.value?.code).toBe('not_found');
    expect(data.loading.value).toBe(false);
  });
});
