-- Races between a pull already running (the minutely job, after a push notification) and other
-- work on the same calendar, and a fallback that did not reach every calendar:
-- 1. "Sync now" skipped a calendar whose pull was being saved (skip locked) and answered at once,
--    so the page re-read the busy times before that pull's were stored. A practitioner's own pull
--    now waits for the running one to finish, then takes the calendar if it is still due.
-- 2. A pull's save cleared the due mark unconditionally: a push notification (or "sync now") that
--    arrived while it was listing was forgotten until the periodic fallback. The save now clears
--    only its own lease (a time still ahead); a mark made meanwhile (now or earlier) stays due.
-- 3. A pull that listed our own move (pushed, its answer not yet recorded) flagged the appointment
--    "moved in Google": an event at the appointment's own time is not a change made there.
-- 4. The periodic fallback (every 15 minutes, for lost push notifications) claimed "all" calendars
--    with the minutely job's limit of 20, once, in no useful order: past the first 20, some were
--    never pulled by it. It now takes the calendars not pulled in the last 5 minutes and not being
--    pulled, least recently pulled first; the job claims batch after batch (google-calendar-sync.ts).
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

create or replace function public.google_save_sync(p_practitioner_id uuid, p_calendar_id text, p_full boolean, p_events jsonb,
                                        p_sync_token text, p_time_zone text default 'UTC')
returns table (busy int, flagged int)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  prefix text := p_calendar_id || '/';
  blocks boolean;
  n_busy int;
  n_flagged int;
begin
  select g.blocks_availability into blocks from private.google_calendars g
   where g.practitioner_id = p_practitioner_id and g.calendar_id = p_calendar_id for update;
  if not found then
    return query select 0, 0; -- disconnected or unchosen meanwhile: nothing to keep
    return;
  end if;
  create temporary table if not exists pg_temp.google_events (
    id text primary key, cancelled boolean, busy boolean, during tstzrange, own uuid
  ) on commit drop;
  truncate pg_temp.google_events;
  insert into pg_temp.google_events (id, cancelled, busy, during, own)
  select e ->> 'id', coalesce((e ->> 'cancelled')::boolean, false), coalesce((e ->> 'busy')::boolean, false),
         case when e ->> 'start' is not null then tstzrange((e ->> 'start')::timestamptz, (e ->> 'end')::timestamptz, '[)')
              when e ->> 'start_date' is not null then
                tstzrange(((e ->> 'start_date')::date::timestamp) at time zone p_time_zone,
                          ((e ->> 'end_date')::date::timestamp) at time zone p_time_zone, '[)') end,
         coalesce(l.appointment_id, mine.id)
    from jsonb_array_elements(p_events) e
    left join private.google_event_links l
      on l.practitioner_id = p_practitioner_id and l.calendar_id = p_calendar_id and l.event_id = e ->> 'id'
    -- Our event seen before its push was recorded (the push notification can come first).
    left join lateral (
      select a.id from public.appointments a
       where a.id = (case when e ->> 'id' ~ '^cb[0-9a-f]{32}$' then substr(e ->> 'id', 3)::uuid end)
         and a.practitioner_id = p_practitioner_id
    ) mine on true
  on conflict (id) do nothing;

  -- Busy time, never our own events (the appointment blocks its time already).
  if p_full then
    delete from public.external_busy_intervals x
     where x.practitioner_id = p_practitioner_id and x.source = 'google' and starts_with(x.source_id, prefix)
       and not exists (select 1 from pg_temp.google_events e
                        where prefix || e.id = x.source_id and e.busy and not e.cancelled and e.own is null);
  else
    delete from public.external_busy_intervals x
     using pg_temp.google_events e
     where x.practitioner_id = p_practitioner_id and x.source = 'google' and x.source_id = prefix || e.id
       and (e.cancelled or not e.busy or e.own is not null);
  end if;
  if blocks then
    insert into public.external_busy_intervals as x (practitioner_id, source, source_id, during)
    select p_practitioner_id, 'google', prefix || e.id, e.during from pg_temp.google_events e
     where e.busy and not e.cancelled and e.own is null and e.during is not null and not isempty(e.during)
    on conflict (practitioner_id, source, source_id) do update set during = excluded.during, updated_at = now()
     where x.during is distinct from excluded.during;
  end if;
  select count(*) into n_busy from public.external_busy_intervals x
   where x.practitioner_id = p_practitioner_id and x.source = 'google' and starts_with(x.source_id, prefix);

  -- Our events changed on Google's side. Only active links: our own deletions are expected.
  with changed as (
    select l.appointment_id,
           case when e.cancelled then 'deleted_in_google' else 'moved_in_google' end as why,
           e.during
      from pg_temp.google_events e
      join private.google_event_links l on l.appointment_id = e.own
      join public.appointments a on a.id = l.appointment_id
     where l.active and a.status = 'confirmed'
       and (e.cancelled or lower(e.during) <> l.starts_at or upper(e.during) <> l.ends_at)
       -- Not our own move listed before its push was recorded: the event is where the appointment is.
       and (e.cancelled or lower(e.during) <> a.starts_at or upper(e.during) <> a.ends_at)
  ), flagged as (
    update public.appointments a set needs_attention = c.why, needs_attention_at = now()
      from changed c
     where a.id = c.appointment_id and a.needs_attention is distinct from c.why
    returning a.id, a.practitioner_id, c.why, c.during
  ), told as (
    select private.enqueue('appointment.changed_in_google',
             jsonb_build_object('appointment_id', f.id, 'practitioner_id', f.practitioner_id, 'change', f.why,
                                'google_starts_at', lower(f.during)),
             'changed_in_google:' || f.id || ':' || f.why || ':' || coalesce(lower(f.during)::text, ''))
      from flagged f
  )
  select count(*) into n_flagged from told;

  update private.google_calendars g
     set sync_token = p_sync_token, last_synced_at = now(),
         sync_due_at = case when g.sync_due_at > now() then null else g.sync_due_at end
   where g.practitioner_id = p_practitioner_id and g.calendar_id = p_calendar_id;
  update private.google_connections c
     set last_synced_at = now(), failures = 0, retry_at = null, last_error = null, last_error_code = null, last_error_at = null
   where c.practitioner_id = p_practitioner_id;
  return query select n_busy, n_flagged;
end;
$$;
