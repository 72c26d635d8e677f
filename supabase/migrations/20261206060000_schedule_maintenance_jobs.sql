-- Two more scheduled jobs, both plain SQL ticks (pg_cron runs SQL itself; the local scheduler
-- runs the same statement): expired holds are released and their patients told even when nobody
-- else needs the time, and cached next slots that went stale as time passed are recomputed.
-- private.scheduled_jobs holds a few rows only: relaxing a column and validating at once is instant.
-- squawk-ignore-file ban-drop-not-null, constraint-missing-not-valid
set local lock_timeout = '5s';

alter table private.scheduled_jobs
  add column command text check (char_length(command) <= 500),
  alter column function_path drop not null;
alter table private.scheduled_jobs
  add constraint scheduled_jobs_one_action check ((function_path is null) <> (command is null));
comment on column private.scheduled_jobs.command is 'SQL run as is by pg_cron (hosted) or the local scheduler; else function_path is called.';

-- Each practitioner's calendar lock is taken before their holds are touched, as booking does.
create function public.release_expired_holds_tick() returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  practitioner uuid;
  released int := 0;
begin
  for practitioner in
    select distinct a.practitioner_id from public.appointments a
     where a.status = 'held' and a.hold_expires_at <= now()
  loop
    perform private.lock_calendar(practitioner);
    perform private.release_expired_holds(practitioner);
    released := released + 1;
  end loop;
  return released;
end;
$$;
comment on function public.release_expired_holds_tick() is
  'Job: releases every expired hold (system cancellation, the patient is told); answers how many calendars it touched.';
revoke all on function public.release_expired_holds_tick() from public, anon, authenticated;
grant execute on function public.release_expired_holds_tick() to service_role;

create function public.refresh_stale_next_slots_tick() returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  stale uuid[] := array(select n.practitioner_id from private.practitioner_next_slots n where n.valid_until <= now());
begin
  if cardinality(stale) > 0 then
    perform private.refresh_next_slots(stale);
  end if;
  return cardinality(stale);
end;
$$;
comment on function public.refresh_stale_next_slots_tick() is
  'Job: recomputes cached next slots whose validity ran out, so search sorts by fresh values.';
revoke all on function public.refresh_stale_next_slots_tick() from public, anon, authenticated;
grant execute on function public.refresh_stale_next_slots_tick() to service_role;

insert into private.scheduled_jobs (name, schedule, command) values
  ('release-expired-holds', '* * * * *', 'select public.release_expired_holds_tick()'),
  ('refresh-next-slots', '*/5 * * * *', 'select public.refresh_stale_next_slots_tick()');

do $$
declare
  job record;
begin
  if not exists (select 1 from pg_extension where extname = 'pg_cron') then
    raise notice 'pg_cron missing: scheduled jobs are left to the local stack';
    return;
  end if;
  for job in select * from private.scheduled_jobs where command is not null loop
    perform cron.schedule(job.name, job.schedule, job.command);
  end loop;
end
$$;
