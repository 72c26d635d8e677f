-- Notifications: each outbox message fans out into one delivery per recipient and channel, and
-- each delivery is sent and retried on its own, so a failing channel never holds another back.
-- The `notify` edge function drives it: plan_deliveries, then claim_deliveries / finish_delivery.
-- In-app notifications are written at planning time: they need no outside service.
set local lock_timeout = '5s';

create type public.notification_channel as enum ('in_app', 'email', 'sms');
comment on type public.notification_channel is 'Where a notification reaches a person.';
create type public.delivery_status as enum ('pending', 'sent', 'dead');
comment on type public.delivery_status is 'A delivery waits (and is retried), went out, or gave up after its last attempt.';

create table public.deliveries (
  id uuid primary key default gen_random_uuid(),
  outbox_id bigint not null references public.outbox (id) on delete cascade,
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  channel public.notification_channel not null,
  status public.delivery_status not null default 'pending',
  attempts int not null default 0 check (attempts >= 0),
  -- Also the lease of a claimed delivery: a dispatcher that dies mid-send gives it back when due.
  next_attempt_at timestamptz not null default now(),
  last_error text check (char_length(last_error) <= 2000),
  provider_message_id text check (char_length(provider_message_id) <= 300),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  unique (outbox_id, recipient_id, channel),
  check ((status = 'sent') = (sent_at is not null))
);
comment on table public.deliveries is
  'One message to one person on one channel, sent and retried independently; staff watch the dead ones.';
create index deliveries_due_idx on public.deliveries (next_attempt_at) where status = 'pending';
create index deliveries_recipient_idx on public.deliveries (recipient_id);

alter table public.deliveries enable row level security;
revoke all on public.deliveries from anon, authenticated;
grant select on public.deliveries to authenticated;
grant all on public.deliveries to service_role;
create policy "staff read deliveries" on public.deliveries
  for select to authenticated using ((select private.is_staff()));

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  outbox_id bigint references public.outbox (id) on delete set null,
  topic text not null check (topic ~ '^[a-z_]+(\.[a-z_]+)*$'),
  -- What the apps need to say it in the reader's language (names, instants, reasons).
  data jsonb not null default '{}',
  read_at timestamptz,
  created_at timestamptz not null default now(),
  unique (outbox_id, recipient_id)
);
comment on table public.notifications is 'In-app notifications: each person reads and marks only their own.';
create index notifications_recipient_idx on public.notifications (recipient_id, created_at desc);

alter table public.notifications enable row level security;
revoke all on public.notifications from anon, authenticated;
grant select on public.notifications to authenticated;
grant update (read_at) on public.notifications to authenticated;
grant all on public.notifications to service_role;
create policy "people read their own notifications" on public.notifications
  for select to authenticated using (recipient_id = (select auth.uid()));
create policy "people mark their own notifications read" on public.notifications
  for update to authenticated using (recipient_id = (select auth.uid())) with check (recipient_id = (select auth.uid()));

-- Who hears of what: per topic, the payload field naming each recipient and their channels.
create function private.recipients_of(p_topic text, p_payload jsonb)
returns table (recipient_id uuid, channel public.notification_channel)
language sql immutable set search_path = ''
as $$
  select r.id, c.channel
    from (values
      ('appointment.confirmed', 'patient_id', array['email', 'in_app']),
      ('appointment.confirmed', 'practitioner_id', array['email', 'in_app']),
      ('appointment.held', 'patient_id', array['in_app']),
      ('appointment.rescheduled', 'patient_id', array['email', 'in_app']),
      ('appointment.rescheduled', 'practitioner_id', array['email', 'in_app']),
      ('appointment.cancelled', 'patient_id', array['email', 'in_app']),
      ('appointment.cancelled', 'practitioner_id', array['email', 'in_app']),
      ('appointment.hold_expired', 'patient_id', array['email', 'in_app']),
      ('practitioner.verification.submitted', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.verified', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.rejected', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.suspended', 'practitioner_id', array['email', 'in_app'])
    ) as rule (topic, field, channels)
   cross join lateral (select (p_payload ->> rule.field)::uuid as id) r
   cross join lateral unnest(rule.channels::public.notification_channel[]) as c (channel)
   where rule.topic = p_topic and r.id is not null;
$$;
comment on function private.recipients_of(text, jsonb) is 'Recipients and channels of an outbox message, by topic.';
revoke all on function private.recipients_of(text, jsonb) from public;

-- Fans pending outbox messages out into deliveries and in-app notifications. Repeat-safe: a
-- message is taken once (SKIP LOCKED, then marked sent), and the unique keys stop any double.
create function public.plan_deliveries(p_limit int default 500) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  taken bigint[];
begin
  select array_agg(o.id) into taken from (
    select o.id from public.outbox o
     where o.status = 'pending' and o.next_attempt_at <= now()
       and (o.topic like 'appointment.%' or o.topic like 'practitioner.verification.%')
     order by o.id
     limit greatest(p_limit, 1)
     for update skip locked) o;
  if taken is null then
    return 0;
  end if;
  insert into public.deliveries (outbox_id, recipient_id, channel)
  select o.id, r.recipient_id, r.channel
    from public.outbox o
   cross join lateral private.recipients_of(o.topic, o.payload) r
   where o.id = any (taken) and r.channel <> 'in_app'
     and exists (select 1 from public.profiles p where p.id = r.recipient_id)
  on conflict do nothing;
  insert into public.notifications (recipient_id, outbox_id, topic, data)
  select r.recipient_id, o.id, o.topic, o.payload
    from public.outbox o
   cross join lateral private.recipients_of(o.topic, o.payload) r
   where o.id = any (taken) and r.channel = 'in_app'
     and exists (select 1 from public.profiles p where p.id = r.recipient_id)
  on conflict do nothing;
  update public.outbox o set status = 'sent', processed_at = now(), attempts = o.attempts + 1
   where o.id = any (taken);
  return cardinality(taken);
end;
$$;
comment on function public.plan_deliveries(int) is 'notify job, step 1: outbox messages -> deliveries and in-app notifications.';
revoke all on function public.plan_deliveries(int) from public, anon, authenticated;
grant execute on function public.plan_deliveries(int) to service_role;

-- Hands out due deliveries with what their message needs, read fresh (a rescheduled appointment
-- shows its new time). Claiming pushes next_attempt_at forward by a lease of two minutes.
create function public.claim_deliveries(p_limit int default 50)
returns table (id uuid, channel public.notification_channel, attempts int, topic text, recipient_id uuid,
               email text, full_name text, locale public.app_locale, context jsonb)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return query
    with due as (
      select d.id from public.deliveries d
       where d.status = 'pending' and d.next_attempt_at <= now()
       order by d.next_attempt_at, d.id
       limit greatest(p_limit, 1)
       for update skip locked
    ), claimed as (
      update public.deliveries d
         set attempts = d.attempts + 1, next_attempt_at = now() + interval '2 minutes'
        from due where d.id = due.id
      returning d.id, d.channel, d.attempts, d.outbox_id, d.recipient_id
    )
    select c.id, c.channel, c.attempts, o.topic, c.recipient_id, p.email, p.full_name, p.locale,
           o.payload || coalesce((
             select jsonb_build_object(
                      'starts_at', a.starts_at, 'ends_at', a.ends_at, 'status', a.status, 'mode', a.mode,
                      'practitioner_name', pr.display_name, 'time_zone', pr.time_zone,
                      'consultation_fr', t.name_fr, 'consultation_en', coalesce(t.name_en, t.name_fr),
                      'patient_name', pa.full_name, 'address', pr.formatted_address)
               from public.appointments a
               join public.practitioners pr on pr.id = a.practitioner_id
               join public.consultation_types t on t.id = a.consultation_type_id
               join public.profiles pa on pa.id = a.patient_id
              where a.id = (o.payload ->> 'appointment_id')::uuid), '{}'::jsonb)
           || coalesce((
             select jsonb_build_object('practitioner_name', pr.display_name, 'time_zone', pr.time_zone)
               from public.practitioners pr
              where o.topic like 'practitioner.%' and pr.id = (o.payload ->> 'practitioner_id')::uuid), '{}'::jsonb)
      from claimed c
      join public.outbox o on o.id = c.outbox_id
      join public.profiles p on p.id = c.recipient_id
     order by c.id;
end;
$$;
comment on function public.claim_deliveries(int) is 'notify job, step 2: due deliveries, leased, with their message''s context.';
revoke all on function public.claim_deliveries(int) from public, anon, authenticated;
grant execute on function public.claim_deliveries(int) to service_role;

-- Records how a send went: sent, or retried later (capped, jittered exponential backoff, or the
-- provider's own reset time), or dead after the last attempt, keeping the last error.
create function public.finish_delivery(p_id uuid, p_sent boolean, p_error text default null,
                                       p_retry_after_seconds int default null, p_provider_message_id text default null,
                                       p_max_attempts int default 8)
returns public.delivery_status
language plpgsql volatile security definer set search_path = ''
as $$
declare
  d public.deliveries;
begin
  select * into d from public.deliveries x where x.id = p_id for update;
  if not found then
    raise exception 'No delivery %', p_id using errcode = 'PT404', detail = 'not_found';
  end if;
  if p_sent then
    update public.deliveries x set status = 'sent', sent_at = now(), last_error = null,
                                   provider_message_id = left(p_provider_message_id, 300)
     where x.id = p_id;
    return 'sent';
  end if;
  if d.attempts >= p_max_attempts then
    update public.deliveries x set status = 'dead', last_error = left(p_error, 2000) where x.id = p_id;
    return 'dead';
  end if;
  update public.deliveries x
     set last_error = left(p_error, 2000),
         next_attempt_at = now() + coalesce(make_interval(secs => p_retry_after_seconds),
           -- 30 s, 1 min, 2 min... capped at 1 h, each stretched by up to 25 % so retries spread out.
           make_interval(secs => least(30 * power(2, d.attempts - 1), 3600) * (1 + random() * 0.25)))
   where x.id = p_id;
  return 'pending';
end;
$$;
comment on function public.finish_delivery(uuid, boolean, text, int, text, int) is
  'notify job, step 3: a delivery is sent, retried with backoff (or at the provider''s reset time), or dead.';
revoke all on function public.finish_delivery(uuid, boolean, text, int, text, int) from public, anon, authenticated;
grant execute on function public.finish_delivery(uuid, boolean, text, int, text, int) to service_role;

-- Scheduled jobs: one definition, two runners. Hosted Supabase runs them with pg_cron calling the
-- edge functions through pg_net (URL and key from Vault); the local stack reads this table and
-- runs the same calls on the same schedules. Every job is a repeat-safe tick.
create table private.scheduled_jobs (
  name text primary key check (name ~ '^[a-z][a-z0-9-]*$'),
  schedule text not null,
  function_path text not null check (function_path ~ '^[a-z][a-z0-9/_-]*$'),
  body jsonb not null default '{}'
);
comment on table private.scheduled_jobs is 'Jobs and their cron schedules, run by pg_cron on hosted Supabase and by the local stack here.';
insert into private.scheduled_jobs (name, schedule, function_path) values
  ('notify', '* * * * *', 'notify');

do $$
declare
  job record;
begin
  if not exists (select 1 from pg_available_extensions where name = 'pg_cron')
     or not exists (select 1 from pg_available_extensions where name = 'pg_net')
     or not exists (select 1 from pg_namespace where nspname = 'vault') then
    raise notice 'pg_cron, pg_net or Vault missing: scheduled jobs are left to the local stack';
    return;
  end if;
  create extension if not exists pg_cron;
  create extension if not exists pg_net;
  for job in select * from private.scheduled_jobs loop
    perform cron.schedule(job.name, job.schedule, format(
      $cmd$select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/%s',
        headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization',
          'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')),
        body := %L::jsonb)$cmd$, job.function_path, job.body::text));
  end loop;
end
$$;
