// The Integrations page's data shapes: the connection as the database sends it, busy ranges as
// PostgREST prints a tstzrange.
import { describe, expect, it } from 'vitest';
import { toBusyTime, toGoogleConnection } from './google-calendar.ts';

describe('google calendar data', () => {
  it('reads a connection and its calendars, and refuses anything else', () => {
    const c = toGoogleConnection({
      status: 'broken',
      account_email: 'ines@example.com',
      booking_calendar_id: 'ines@example.com',
      last_synced_at: '2027-01-04T08:00:00+00:00',
      last_error_code: 'invalid_grant',
      last_error_at: '2027-01-04T09:00:00+00:00',
      retry_at: null,
      calendars: [
        { id: 'ines@example.com', summary: 'Inès', primary: true, writable: true, blocks_availability: true },
      ],
    });
    expect(c).toMatchObject({
      status: 'broken',
      lastSyncedAt: '2027-01-04T08:00:00.000Z',
      lastErrorCode: 'invalid_grant',
      calendars: [
        {
          id: 'ines@example.com',
          primary: true,
          writable: true,
          blocksAvailability: true,
          lastSyncedAt: null,
        },
      ],
    });
    expect(toGoogleConnection({ status: 'weird', calendars: [] })).toBeNull();
    expect(toGoogleConnection(null)).toBeNull();
  });

  it('parses tstzrange text into instants', () => {
    expect(toBusyTime('["2027-01-04 09:00:00+00","2027-01-04 10:30:00+00")')).toEqual({
      startsAt: '2027-01-04T09:00:00.000Z',
      endsAt: '2027-01-04T10:30:00.000Z',
    });
    expect(toBusyTime('empty')).toBeNull();
  });
});
