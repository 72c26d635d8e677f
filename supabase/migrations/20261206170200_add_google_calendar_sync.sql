-- Google Calendar two-way sync (issue 15), the database side. The google-* functions make the
-- calls; these functions are the only way they read and write the private tables, each in one
-- transaction. Pushes go through the outbox (topic calendar.push, which notifies nobody, so
-- plan_deliveries leaves it alone); busy times land in public.external_busy_intervals, which
-- slots subtract already. New topic appointment.changed_in_google (recipients redefined below,
-- from the latest text in 20261206090100).
set local lock_timeout = '5s';

-- The event id of an appointment: Google accepts base32hex (a-v, 0-9), 5 to 1024 characters, so
-- the uuid's hex digits behind a fixed prefix; a retried insert hits the same id (409), never a copy.
create function private.google_event_id(p_appointment_id uuid) returns text
language sql immutable set search_path = ''
as $$
  select 'cb' || replace(p_appointment_id::text, '-', '');
$$;
comment on function private.google_event_id(uuid) is 'The Google event id derived from an appointment id, so pushes are idempotent.';
revoke all on function private.google_event_id(uuid) from public;

-- Capped, jittered exponential backoff: base * 2^(n-1), at most cap, stretched by up to 25 %.
create function private.backoff(p_attempt int, p_base_seconds int, p_cap_seconds int) returns interval
language sql volatile set search_path = ''
as $$
  select make_interval(secs => least(p_base_seconds * power(2, greatest(p_attempt, 1) - 1), p_cap_seconds) * (1 + random() * 0.25));
$$;
comment on function private.backoff(int, int, int) is 'The wait before retry n: exponential, capped, with jitter so retries spread out.';
revoke all on function private.backoff(int, int, int) from public;

-- Queue a push whenever an appointment Google shows changes: confirmed, moved, cancelled.
create function private.queue_google_push() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (select 1 from private.google_connections c where c.practitioner_id = new.practitioner_id) then
    return null;
  end if;
  if (new.status = 'confirmed' and (tg_op = 'INSERT' or old.status <> 'confirmed'
        or old.starts_at <> new.starts_at or old.ends_at <> new.ends_at))
     or (tg_op = 'UPDATE' and new.status = 'cancelled' and old.status = 'confirmed') then
    perform private.enqueue('calendar.push',
      jsonb_build_object('appointment_id', new.id, 'practitioner_id', new.practitioner_id));
  end if;
  return null;
end;
$$;
comment on function private.queue_google_push() is 'Enqueues calendar.push when a confirmed appointment appears, moves or is cancelled.';
revoke all on function private.queue_google_push() from public;
create trigger appointments_queue_google_push after insert or update of status, starts_at, ends_at on public.appointments
  for each row execute function private.queue_google_push();

-- OAuth states: made by google-connect, taken once by google-callback.
create function public.google_create_state(p_practitioner_id uuid, p_state text, p_code_verifier text) returns void
language sql volatile security definer set search_path = ''
as $$
  delete from private.google_oauth_states s where s.expires_at < now();
  insert into private.google_oauth_states (state, practitioner_id, code_verifier) values (p_state, p_practitioner_id, p_code_verifier);
$$;
comment on function public.google_create_state(uuid, text, text) is 'google-connect: remembers an OAuth state and its PKCE verifier for 15 minutes.';

create function public.google_take_state(p_state text) returns table (practitioner_id uuid, code_verifier text)
language sql volatile security definer set search_path = ''
as $$
  delete from private.google_oauth_states s where s.state = p_state returning
    (case when s.expires_at > now() then s.practitioner_id end), s.code_verifier;
$$;
comment on function public.google_take_state(text) is 'google-callback: consumes a state (once); a null practitioner means it had expired.';

-- A connection made or renewed. Calendars keep their choices when they come back; a first
-- connection blocks availability with the primary calendar and sends bookings to it.
create function public.google_store_connection(p_practitioner_id uuid, p_account_email text, p_cipher text, p_calendars jsonb)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  first_time boolean := not exists (select 1 from private.google_calendars g where g.practitioner_id = p_practitioner_id);
begin
  insert into private.google_connections as c (practitioner_id, account_email, refresh_token_cipher)
  values (p_practitioner_id, p_account_email, p_cipher)
  on conflict (practitioner_id) do update
     set account_email = excluded.account_email, refresh_token_cipher = excluded.refresh_token_cipher,
         status = 'active', failures = 0, retry_at = null, last_error = null, last_error_code = null,
         last_error_at = null, connected_at = now();
  delete from private.google_calendars g
   where g.practitioner_id = p_practitioner_id
     and g.calendar_id not in (select x ->> 'id' from jsonb_array_elements(p_calendars) x);
  insert into private.google_calendars as g (practitioner_id, calendar_id, summary, is_primary, access_role,
                                             blocks_availability, sync_due_at)
  select p_practitioner_id, x ->> 'id', left(coalesce(x ->> 'summary', ''), 1000), coalesce((x ->> 'primary')::boolean, false),
         coalesce(x ->> 'accessRole', 'reader'), first_time and coalesce((x ->> 'primary')::boolean, false), now()
    from jsonb_array_elements(p_calendars) x
  on conflict (practitioner_id, calendar_id) do update
     set summary = excluded.summary, is_primary = excluded.is_primary, access_role = excluded.access_role,
         sync_token = null, sync_due_at = now();
  update private.google_connections c
     set booking_calendar_id = coalesce(
           (select g.calendar_id from private.google_calendars g
             where g.practitioner_id = p_practitioner_id and g.calendar_id = c.booking_calendar_id),
           (select g.calendar_id from private.google_calendars g
             where g.practitioner_id = p_practitioner_id and g.is_primary limit 1))
   where c.practitioner_id = p_practitioner_id;
  -- Upcoming confirmed appointments not in Google yet (first connection, or missed while broken).
  perform private.enqueue('calendar.push', jsonb_build_object('appointment_id', a.id, 'practitioner_id', a.practitioner_id))
     from public.appointments a
    where a.practitioner_id = p_practitioner_id and a.status = 'confirmed' and a.ends_at > now()
      and not exists (select 1 from private.google_event_links l where l.appointment_id = a.id and l.active);
end;
$$;
comment on function public.google_store_connection(uuid, text, text, jsonb) is
  'google-callback: stores the encrypted refresh token and the account''s calendars, and queues what Google is missing.';

-- Work for google-sync: due pushes, leased for two minutes (a worker that dies gives them back).
create function public.google_claim_pushes(p_limit int default 50, p_practitioner_id uuid default null)
returns table (outbox_id bigint, attempts int, appointment_id uuid, practitioner_id uuid, status text, mode text,
               starts_at timestamptz, ends_at timestamptz, video_url text, consultation text, patient_name text,
               time_zone text, booking_calendar_id text, refresh_token_cipher text,
               linked_calendar_id text, linked_event_id text, linked_active boolean)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  -- Messages of practitioners who disconnected have nowhere to go.
  update public.outbox o set status = 'sent', processed_at = now(), last_error = 'not connected'
   where o.topic = 'calendar.push' and o.status = 'pending'
     and not exists (select 1 from private.google_connections c where c.practitioner_id = (o.payload ->> 'practitioner_id')::uuid);
  return query
    with due as (
      select o.id from public.outbox o
        join private.google_connections c on c.practitioner_id = (o.payload ->> 'practitioner_id')::uuid
       where o.topic = 'calendar.push' and o.status = 'pending' and o.next_attempt_at <= now()
         and c.status = 'active' and (c.retry_at is null or c.retry_at <= now())
         and (p_practitioner_id is null or c.practitioner_id = p_practitioner_id)
       order by o.id
       limit greatest(p_limit, 1)
       for update of o skip locked
    ), claimed as (
      update public.outbox o set attempts = o.attempts + 1, next_attempt_at = now() + interval '2 minutes'
        from due where o.id = due.id
      returning o.id, o.attempts, (o.payload ->> 'appointment_id')::uuid as appointment_id
    )
    select c.id, c.attempts, a.id, a.practitioner_id, a.status::text, a.mode::text, a.starts_at, a.ends_at, a.video_url,
           coalesce(t.name_en, t.name_fr), pa.full_name, pr.time_zone, g.booking_calendar_id, g.refresh_token_cipher,
           l.calendar_id, l.event_id, l.active
      from claimed c
      join public.appointments a on a.id = c.appointment_id
      join public.practitioners pr on pr.id = a.practitioner_id
      join public.consultation_types t on t.id = a.consultation_type_id
      join public.profiles pa on pa.id = a.patient_id
      join private.google_connections g on g.practitioner_id = a.practitioner_id
      left join private.google_event_links l on l.appointment_id = a.id
     order by c.id;
end;
$$;
comment on function public.google_claim_pushes(int, uuid) is 'google-sync: due calendar.push messages with the appointment read fresh, leased.';

-- How a push went. done: the event as Google has it now (a Meet link becomes the video link);
-- retry: later, with backoff (or Google's Retry-After); failed: never again (a 400), and the
-- appointment keeps a link all the same (a Jitsi room).
create function public.google_finish_push(p_outbox_id bigint, p_outcome text, p_error text default null,
                                          p_retry_seconds int default null, p_event jsonb default null)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  o public.outbox;
  appointment uuid;
begin
  select * into o from public.outbox x where x.id = p_outbox_id and x.topic = 'calendar.push' for update;
  if not found then
    raise exception 'No calendar push %', p_outbox_id using errcode = 'PT404', detail = 'not_found';
  end if;
  appointment := (o.payload ->> 'appointment_id')::uuid;
  if p_outcome = 'done' then
    update public.outbox x set status = 'sent', processed_at = now(), last_error = null where x.id = p_outbox_id;
    if p_event is not null then
      insert into private.google_event_links as l (appointment_id, practitioner_id, calendar_id, event_id, starts_at, ends_at, active)
      values (appointment, (o.payload ->> 'practitioner_id')::uuid, p_event ->> 'calendar_id', p_event ->> 'event_id',
              (p_event ->> 'starts_at')::timestamptz, (p_event ->> 'ends_at')::timestamptz, coalesce((p_event ->> 'active')::boolean, true))
      on conflict (appointment_id) do update
         set calendar_id = excluded.calendar_id, event_id = excluded.event_id, starts_at = excluded.starts_at,
             ends_at = excluded.ends_at, active = excluded.active, pushed_at = now();
      if p_event ->> 'meet_url' is not null then
        update public.appointments a set video_url = p_event ->> 'meet_url'
         where a.id = appointment and a.mode = 'video' and a.video_url is null;
      end if;
    end if;
    return 'sent';
  end if;
  if p_outcome = 'retry' and o.attempts < 8 then
    update public.outbox x
       set last_error = left(p_error, 2000),
           next_attempt_at = now() + coalesce(make_interval(secs => p_retry_seconds), private.backoff(o.attempts, 30, 3600))
     where x.id = p_outbox_id;
    return 'pending';
  end if;
  update public.outbox x set status = 'failed', processed_at = now(), last_error = left(p_error, 2000) where x.id = p_outbox_id;
  update public.appointments a set video_url = private.new_jitsi_room()
   where a.id = appointment and a.mode = 'video' and a.status = 'confirmed' and a.video_url is null;
  return 'failed';
end;
$$;
comment on function public.google_finish_push(bigint, text, text, int, jsonb) is
  'google-sync: records a push as sent (with its event and Meet link), retried with backoff, or failed for good.';

-- Calendars to pull: due ones (a push notification, a new choice, a retry), or all on the
-- periodic fallback. Leased for two minutes like pushes.
create function public.google_claim_syncs(p_limit int default 20, p_all boolean default false, p_practitioner_id uuid default null)
returns table (practitioner_id uuid, calendar_id text, sync_token text, blocks_availability boolean,
               is_booking_calendar boolean, refresh_token_cipher text, time_zone text)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return query
    with due as (
      select g.practitioner_id, g.calendar_id from private.google_calendars g
        join private.google_connections c on c.practitioner_id = g.practitioner_id
       where c.status = 'active' and (c.retry_at is null or c.retry_at <= now())
         and (g.blocks_availability or g.calendar_id = c.booking_calendar_id)
         and (p_all or g.sync_due_at <= now())
         and (p_practitioner_id is null or g.practitioner_id = p_practitioner_id)
       order by g.sync_due_at nulls last
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
comment on function public.google_claim_syncs(int, boolean, uuid) is 'google-sync: calendars due for a pull, leased, with their sync token.';

-- The result of one complete listing (every page read). p_events: [{ id, cancelled, busy,
-- start, end (instants) or start_date, end_date (all-day, in time_zone) }]. A full listing
-- replaces the calendar's busy set; an incremental one applies changes. Our own events are
-- compared with what we pushed: moved or deleted in Google flags the appointment.
create function public.google_save_sync(p_practitioner_id uuid, p_calendar_id text, p_full boolean, p_events jsonb,
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
     set sync_token = p_sync_token, last_synced_at = now(), sync_due_at = null
   where g.practitioner_id = p_practitioner_id and g.calendar_id = p_calendar_id;
  update private.google_connections c
     set last_synced_at = now(), failures = 0, retry_at = null, last_error = null, last_error_code = null, last_error_at = null
   where c.practitioner_id = p_practitioner_id;
  return query select n_busy, n_flagged;
end;
$$;
comment on function public.google_save_sync(uuid, text, boolean, jsonb, text, text) is
  'google-sync: applies one complete listing of a calendar (busy times, our events changed in Google) and saves its sync token.';

-- Something went wrong talking to Google for a practitioner. broken (invalid_grant): the
-- connection stops (no more calls until reconnected), the practitioner is told once, and video
-- appointments waiting for a Meet link get a Jitsi room. transient (403 rate limit, 429, 5xx,
-- network): backoff. permanent (a 400): recorded, not retried until something changes.
create function public.google_record_failure(p_practitioner_id uuid, p_calendar_id text, p_kind text, p_code text,
                                             p_message text, p_retry_seconds int default null)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c private.google_connections;
begin
  select * into c from private.google_connections x where x.practitioner_id = p_practitioner_id for update;
  if not found then
    return;
  end if;
  if p_kind = 'broken' then
    update private.google_connections x
       set status = 'broken', last_error_code = left(p_code, 100), last_error = left(p_message, 2000), last_error_at = now(),
           retry_at = null
     where x.practitioner_id = p_practitioner_id;
    update private.google_calendars g set sync_due_at = null where g.practitioner_id = p_practitioner_id;
    if c.status = 'active' then
      perform private.enqueue('calendar.connection_broken', jsonb_build_object('practitioner_id', p_practitioner_id),
                              'calendar.connection_broken:' || p_practitioner_id || ':' || extract(epoch from c.connected_at));
    end if;
    update public.appointments a set video_url = private.new_jitsi_room()
     where a.practitioner_id = p_practitioner_id and a.mode = 'video' and a.status = 'confirmed' and a.video_url is null;
  elsif p_kind = 'transient' then
    update private.google_connections x
       set failures = x.failures + 1, last_error_code = left(p_code, 100), last_error = left(p_message, 2000),
           last_error_at = now(),
           retry_at = now() + coalesce(make_interval(secs => p_retry_seconds), private.backoff(x.failures + 1, 60, 3600))
     where x.practitioner_id = p_practitioner_id;
    -- The calendar stays due: it is pulled again once retry_at has passed.
    update private.google_calendars g set sync_due_at = now()
     where g.practitioner_id = p_practitioner_id and g.calendar_id = p_calendar_id;
  else
    update private.google_connections x
       set last_error_code = left(p_code, 100), last_error = left(p_message, 2000), last_error_at = now()
     where x.practitioner_id = p_practitioner_id;
    update private.google_calendars g set sync_due_at = null
     where g.practitioner_id = p_practitioner_id and g.calendar_id = p_calendar_id;
  end if;
end;
$$;
comment on function public.google_record_failure(uuid, text, text, text, text, int) is
  'google-sync: a broken connection stops and is announced once; transient failures back off; a 400 waits for a change.';

-- A 410 from Google: the sync token is stale, the next pull lists everything again.
create function public.google_reset_sync(p_practitioner_id uuid, p_calendar_id text) returns void
language sql volatile security definer set search_path = ''
as $$
  update private.google_calendars g set sync_token = null, sync_due_at = now()
   where g.practitioner_id = p_practitioner_id and g.calendar_id = p_calendar_id;
$$;
comment on function public.google_reset_sync(uuid, text) is 'google-sync: forgets a stale sync token (410), so the next pull is a full one.';

-- Push channels: calendars that need one (none yet, or expiring within a day).
create function public.google_channels_due(p_practitioner_id uuid default null)
returns table (practitioner_id uuid, calendar_id text, channel_id text, channel_resource_id text, refresh_token_cipher text)
language sql stable security definer set search_path = ''
as $$
  select g.practitioner_id, g.calendar_id, g.channel_id, g.channel_resource_id, c.refresh_token_cipher
    from private.google_calendars g
    join private.google_connections c on c.practitioner_id = g.practitioner_id
   where c.status = 'active' and (c.retry_at is null or c.retry_at <= now())
     and (g.blocks_availability or g.calendar_id = c.booking_calendar_id)
     and (g.channel_id is null or g.channel_expires_at < now() + interval '1 day')
     and (p_practitioner_id is null or g.practitioner_id = p_practitioner_id)
   limit 50;
$$;
comment on function public.google_channels_due(uuid) is 'google-sync: calendars whose push channel is missing or expires within a day.';

create function public.google_save_channel(p_practitioner_id uuid, p_calendar_id text, p_channel_id text, p_token text,
                                           p_resource_id text, p_expires_at timestamptz)
returns void
language sql volatile security definer set search_path = ''
as $$
  update private.google_calendars g
     set channel_id = p_channel_id, channel_token = p_token, channel_resource_id = p_resource_id, channel_expires_at = p_expires_at
   where g.practitioner_id = p_practitioner_id and g.calendar_id = p_calendar_id;
$$;
comment on function public.google_save_channel(uuid, text, text, text, text, timestamptz) is 'google-sync: the push channel now watching a calendar.';

-- google-webhook: which calendar a channel watches and the token it must carry.
create function public.google_channel(p_channel_id text)
returns table (practitioner_id uuid, calendar_id text, channel_token text)
language sql stable security definer set search_path = ''
as $$
  select g.practitioner_id, g.calendar_id, g.channel_token from private.google_calendars g where g.channel_id = p_channel_id;
$$;
comment on function public.google_channel(text) is 'google-webhook: the calendar and token of a push channel.';

create function public.google_mark_due(p_practitioner_id uuid, p_calendar_id text default null) returns int
language sql volatile security definer set search_path = ''
as $$
  with marked as (
    update private.google_calendars g set sync_due_at = now()
     where g.practitioner_id = p_practitioner_id and (p_calendar_id is null or g.calendar_id = p_calendar_id)
    returning 1)
  select count(*)::int from marked;
$$;
comment on function public.google_mark_due(uuid, text) is 'A push notification or the practitioner asks for a pull now.';

-- Disconnect: forgets the connection and everything it brought; answers what to revoke and stop.
create function public.google_forget(p_practitioner_id uuid)
returns table (refresh_token_cipher text, channels jsonb)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return query
    select c.refresh_token_cipher,
           coalesce((select jsonb_agg(jsonb_build_object('id', g.channel_id, 'resource_id', g.channel_resource_id))
                       from private.google_calendars g
                      where g.practitioner_id = c.practitioner_id and g.channel_id is not null), '[]'::jsonb)
      from private.google_connections c where c.practitioner_id = p_practitioner_id;
  delete from public.external_busy_intervals x where x.practitioner_id = p_practitioner_id and x.source = 'google';
  delete from private.google_event_links l where l.practitioner_id = p_practitioner_id;
  delete from private.google_oauth_states s where s.practitioner_id = p_practitioner_id;
  delete from private.google_connections c where c.practitioner_id = p_practitioner_id;
  -- Video appointments still waiting for a Meet link get a room instead.
  update public.appointments a set video_url = private.new_jitsi_room()
   where a.practitioner_id = p_practitioner_id and a.mode = 'video' and a.status = 'confirmed' and a.video_url is null;
end;
$$;
comment on function public.google_forget(uuid) is 'Disconnect: deletes the connection, its calendars, busy times and links; answers the token and channels to close.';

do $$
declare
  f text;
begin
  foreach f in array array[
    'google_create_state(uuid, text, text)', 'google_take_state(text)', 'google_store_connection(uuid, text, text, jsonb)',
    'google_claim_pushes(int, uuid)', 'google_finish_push(bigint, text, text, int, jsonb)',
    'google_claim_syncs(int, boolean, uuid)', 'google_save_sync(uuid, text, boolean, jsonb, text, text)',
    'google_record_failure(uuid, text, text, text, text, int)', 'google_reset_sync(uuid, text)',
    'google_channels_due(uuid)', 'google_save_channel(uuid, text, text, text, text, timestamptz)',
    'google_channel(text)', 'google_mark_due(uuid, text)', 'google_forget(uuid)'] loop
    execute format('revoke all on function public.%s from public, anon, authenticated', f);
    execute format('grant execute on function public.%s to service_role', f);
  end loop;
end
$$;

-- What the Integrations page shows: never a token, never a channel secret. The private
-- definer reads the caller's own rows only (auth.uid()); the public functions run as the caller.
create function private.my_google_connection() returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
           'status', c.status, 'account_email', c.account_email, 'booking_calendar_id', c.booking_calendar_id,
           'last_synced_at', c.last_synced_at, 'last_error_code', c.last_error_code, 'last_error_at', c.last_error_at,
           'retry_at', c.retry_at, 'connected_at', c.connected_at,
           'calendars', coalesce((
             select jsonb_agg(jsonb_build_object('id', g.calendar_id, 'summary', g.summary, 'primary', g.is_primary,
                                                 'writable', g.access_role in ('owner', 'writer'),
                                                 'blocks_availability', g.blocks_availability,
                                                 'last_synced_at', g.last_synced_at)
                              order by g.is_primary desc, g.summary)
               from private.google_calendars g where g.practitioner_id = c.practitioner_id), '[]'::jsonb))
    from private.google_connections c
   where c.practitioner_id = (select auth.uid());
$$;
comment on function private.my_google_connection() is 'The caller''s Google connection without its secrets (null when none).';
revoke all on function private.my_google_connection() from public, anon;
grant execute on function private.my_google_connection() to authenticated;

create function public.my_google_connection() returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select private.my_google_connection();
$$;
comment on function public.my_google_connection() is 'The caller''s Google connection as the Integrations page shows it (null when none).';
revoke all on function public.my_google_connection() from public, anon;
grant execute on function public.my_google_connection() to authenticated;

-- The practitioner's choice: which calendars block availability, which one receives bookings.
create function private.set_my_google_calendars(p_blocking text[], p_booking text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  if not exists (select 1 from private.google_connections c where c.practitioner_id = me) then
    raise exception 'No Google Calendar is connected' using errcode = 'PT404', detail = 'not_found';
  end if;
  if p_blocking is null or p_booking is null
     or exists (select 1 from unnest(p_blocking) b (id)
                 where not exists (select 1 from private.google_calendars g where g.practitioner_id = me and g.calendar_id = b.id))
     or not exists (select 1 from private.google_calendars g
                     where g.practitioner_id = me and g.calendar_id = p_booking and g.access_role in ('owner', 'writer')) then
    raise exception 'Choose calendars of the connected account; bookings go to one you can write to'
      using errcode = 'PT400', detail = 'invalid_input';
  end if;
  -- Calendars that stop blocking free their time now; new ones are listed in full at the next pull.
  delete from public.external_busy_intervals x
   using private.google_calendars g
   where g.practitioner_id = me and not g.calendar_id = any (p_blocking)
     and x.practitioner_id = me and x.source = 'google' and starts_with(x.source_id, g.calendar_id || '/');
  update private.google_calendars g
     set blocks_availability = g.calendar_id = any (p_blocking),
         sync_token = case when g.calendar_id = any (p_blocking) and not g.blocks_availability then null else g.sync_token end,
         sync_due_at = case when g.calendar_id = any (p_blocking) and not g.blocks_availability then now() else g.sync_due_at end
   where g.practitioner_id = me;
  update private.google_connections c set booking_calendar_id = p_booking where c.practitioner_id = me;
  return private.my_google_connection();
end;
$$;
comment on function private.set_my_google_calendars(text[], text) is 'Applies the caller''s calendar choice to their own connection only.';
revoke all on function private.set_my_google_calendars(text[], text) from public, anon;
grant execute on function private.set_my_google_calendars(text[], text) to authenticated;

create function public.set_my_google_calendars(p_blocking text[], p_booking text) returns jsonb
language sql volatile security invoker set search_path = ''
as $$
  select private.set_my_google_calendars(p_blocking, p_booking);
$$;
comment on function public.set_my_google_calendars(text[], text) is 'The caller chooses the calendars that block their time and the one bookings go to.';
revoke all on function public.set_my_google_calendars(text[], text) from public, anon;
grant execute on function public.set_my_google_calendars(text[], text) to authenticated;

-- Who hears of what: from 20261206090100's text, plus the change made in Google.
create or replace function private.recipients_of(p_topic text, p_payload jsonb)
returns table (recipient_id uuid, channel public.notification_channel)
language sql immutable set search_path = ''
as $$
  select r.id, c.channel
    from (values
      ('appointment.confirmed', 'patient_id', array['email', 'in_app', 'sms']),
      ('appointment.confirmed', 'practitioner_id', array['email', 'in_app']),
      ('appointment.held', 'patient_id', array['in_app']),
      ('appointment.rescheduled', 'patient_id', array['email', 'in_app', 'sms']),
      ('appointment.rescheduled', 'practitioner_id', array['email', 'in_app', 'sms']),
      ('appointment.cancelled', 'patient_id', array['email', 'in_app', 'sms']),
      ('appointment.cancelled', 'practitioner_id', array['email', 'in_app', 'sms']),
      ('appointment.hold_expired', 'patient_id', array['email', 'in_app', 'sms']),
      ('appointment.reminder', 'patient_id', array['email', 'in_app', 'sms']),
      ('appointment.changed_in_google', 'practitioner_id', array['email', 'in_app']),
      ('payment.failed', 'patient_id', array['email', 'in_app', 'sms']),
      ('payment.refunded', 'patient_id', array['email', 'in_app']),
      ('subscription.payment_failed', 'practitioner_id', array['email', 'in_app', 'sms']),
      ('account.welcome', 'profile_id', array['email', 'in_app']),
      ('calendar.connection_broken', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.submitted', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.verified', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.rejected', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.suspended', 'practitioner_id', array['email', 'in_app'])
    ) as rule (topic, field, channels)
   cross join lateral (select (p_payload ->> rule.field)::uuid as id) r
   cross join lateral unnest(rule.channels::public.notification_channel[]) as c (channel)
   where rule.topic = p_topic and r.id is not null
     and not (c.channel = 'sms' and coalesce(p_payload ->> 'by', '') = replace(rule.field, '_id', ''));
$$;

insert into private.scheduled_jobs (name, schedule, function_path, body) values
  ('google-sync', '* * * * *', 'google-sync', '{}'),
  ('google-sync-periodic', '*/15 * * * *', 'google-sync', '{"periodic": true}');
select private.schedule_on_cron('google-sync');
select private.schedule_on_cron('google-sync-periodic');
