-- The periodic fallback (every 15 minutes, for push notifications that got lost) claimed "all"
-- calendars with the same limit of 20 as the minutely job, once, in no useful order: past the
-- first 20 connected calendars, some were never pulled by it. It now takes the calendars not
-- pulled in the last 5 minutes (a recent pull, after a push, is fresh enough) and not being
-- pulled right now, least recently pulled first; the job claims batch after batch until none is
-- left (google-calendar-sync.ts).
set local lock_timeout = '5s';

create or replace function public.google_claim_syncs(p_limit int default 20, p_all boolean default false,
                                                     p_practitioner_id uuid default null)
returns table (practitioner_id uuid, calendar_id text, sync_token text, blocks_availability boolean,
               is_booking_calendar boolean, refresh_token_cipher text, time_zone text)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_practitioner_id is not null then
    -- One practitioner's calendars (a handful): wait for a running save rather than skip it.
    -- After the wait the row is read again, so a calendar that pull left not due is left alone.
    perform 1 from private.google_calendars g
     where g.practitioner_id = p_practitioner_id
     order by g.calendar_id
       for update of g;
  end if;
  return query
    with due as (
      select g.practitioner_id, g.calendar_id from private.google_calendars g
        join private.google_connections c on c.practitioner_id = g.practitioner_id
       where c.status = 'active' and (c.retry_at is null or c.retry_at <= now())
         and (g.blocks_availability or g.calendar_id = c.booking_calendar_id)
         -- Due; or, on the periodic run, neither due nor leased and not pulled for 5 minutes.
         and (g.sync_due_at <= now()
              or (p_all and g.sync_due_at is null
                  and (g.last_synced_at is null or g.last_synced_at < now() - interval '5 minutes')))
         and (p_practitioner_id is null or g.practitioner_id = p_practitioner_id)
       order by g.sync_due_at nulls last, g.last_synced_at nulls first
       limit greatest(p_limit, 1)
       for update of g skip locked
    )
    update private.google_calendars g set sync_due_at = now() + interval '2 minutes'
      from due, private.google_connections c, public.practitioners pr
     where g.practitioner_id = due.practitioner_id and g.calendar_id = due.calendar_id
       and c.practitioner_id = g.practitioner_id and pr.id = g.practitioner_id
    returning g.practitioner_id, g.calendar_id, g.sync_token, g.blocks_availability,
              g.calendar_id = c.booking_calendar_id, c.refresh_token_cipher, pr.time_zone;
end;
$$;
comment on function public.google_claim_syncs(int, boolean, uuid) is
  'google-sync: leases calendars to pull for two minutes: due ones, and on the periodic run the ones not pulled for 5 minutes, least recently pulled first.';
