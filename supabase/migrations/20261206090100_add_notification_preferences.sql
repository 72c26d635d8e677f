-- Notification preferences: per person, per category and channel, with the messages a booking
-- itself needs (its e-mail and in-app notice) always on. Adds what SMS and local times need on
-- profiles (phone, time zone), the topics the payment, account and calendar work will emit, SMS
-- recipients, and in-app notices that carry what the apps need to word them.
set local lock_timeout = '5s';

-- time_zone has a constant default: Postgres 11+ adds it without rewriting or scanning the table.
-- squawk-ignore-file adding-not-nullable-field
alter table public.profiles
  add column phone text constraint profiles_phone_e164 check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  add column time_zone text not null default 'Europe/Paris';
comment on column public.profiles.phone is 'Mobile number in E.164 (+33612345678), for SMS; optional.';
comment on column public.profiles.time_zone is 'IANA zone the person reads times in (messages, apps).';
grant update (phone, time_zone) on public.profiles to authenticated;

create function private.check_profile_time_zone() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if not private.is_valid_time_zone(new.time_zone) then
    raise exception 'Unknown time zone "%"', new.time_zone
      using errcode = 'PT400', detail = 'invalid_time_zone', hint = 'Use an IANA name such as Europe/Paris.';
  end if;
  return new;
end;
$$;
comment on function private.check_profile_time_zone() is 'Profiles name their time zone as the apps do (IANA).';
revoke all on function private.check_profile_time_zone() from public;
create trigger profiles_check_time_zone before insert or update of time_zone on public.profiles
  for each row execute function private.check_profile_time_zone();

create type public.notification_category as enum ('booking', 'reminders', 'account');
comment on type public.notification_category is
  'What a notification is about, the unit people choose channels for: booking (its own messages), reminders, account.';

create function private.category_of(p_topic text) returns public.notification_category
language sql immutable set search_path = ''
as $$
  select (case
    when p_topic = 'appointment.reminder' then 'reminders'
    when p_topic like 'appointment.%' or p_topic like 'payment.%' then 'booking'
    when p_topic like 'practitioner.verification.%'
      or p_topic in ('account.welcome', 'calendar.connection_broken', 'subscription.payment_failed') then 'account'
  end)::public.notification_category;
$$;
comment on function private.category_of(text) is 'The category of an outbox topic; null for topics that notify nobody.';

create function private.notification_required(p_category public.notification_category, p_channel public.notification_channel)
returns boolean
language sql immutable set search_path = ''
as $$
  select p_category = 'booking' and p_channel in ('email', 'in_app');
$$;
comment on function private.notification_required(public.notification_category, public.notification_channel) is
  'Messages a booking needs (confirmation, cancellation...) by e-mail and in the app cannot be turned off.';

create function private.notification_default(p_category public.notification_category, p_channel public.notification_channel)
returns boolean
language sql immutable set search_path = ''
as $$
  select not (p_category = 'account' and p_channel = 'sms');
$$;
comment on function private.notification_default(public.notification_category, public.notification_channel) is
  'Whether a channel is on for a category until the person chooses.';

revoke all on function private.category_of(text) from public;
revoke all on function private.notification_required(public.notification_category, public.notification_channel) from public;
revoke all on function private.notification_default(public.notification_category, public.notification_channel) from public;
grant execute on function private.notification_required(public.notification_category, public.notification_channel) to authenticated, service_role;
grant execute on function private.notification_default(public.notification_category, public.notification_channel) to authenticated, service_role;

create table public.notification_preferences (
  profile_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  category public.notification_category not null,
  channel public.notification_channel not null,
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (profile_id, category, channel)
);
comment on table public.notification_preferences is
  'A person''s choices of channel per category; no row means the default (private.notification_default).';

alter table public.notification_preferences enable row level security;
revoke all on public.notification_preferences from anon, authenticated;
grant select, delete on public.notification_preferences to authenticated;
grant insert (profile_id, category, channel, enabled) on public.notification_preferences to authenticated;
grant update (enabled, updated_at) on public.notification_preferences to authenticated;
grant all on public.notification_preferences to service_role;
create policy "people read their own preferences" on public.notification_preferences
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "people add their own preferences" on public.notification_preferences
  for insert to authenticated with check (profile_id = (select auth.uid()));
create policy "people change their own preferences" on public.notification_preferences
  for update to authenticated using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()));
create policy "people remove their own preferences" on public.notification_preferences
  for delete to authenticated using (profile_id = (select auth.uid()));

create function private.check_notification_preference() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if not new.enabled and private.notification_required(new.category, new.channel) then
    raise exception 'The % messages of a booking cannot be turned off by %', new.category, new.channel
      using errcode = 'PT409', detail = 'preference_required',
            hint = 'Confirmations and cancellations always reach you by e-mail and in the app.';
  end if;
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.check_notification_preference() is 'Refuses turning off a required category and channel.';
revoke all on function private.check_notification_preference() from public;
create trigger notification_preferences_check before insert or update on public.notification_preferences
  for each row execute function private.check_notification_preference();

-- Every category and channel for the caller, defaults filled in: what the settings screen shows.
create function public.my_notification_settings()
returns table (category public.notification_category, channel public.notification_channel, enabled boolean, required boolean)
language sql stable security invoker set search_path = ''
as $$
  select c.category, ch.channel,
         private.notification_required(c.category, ch.channel)
           or coalesce(p.enabled, private.notification_default(c.category, ch.channel)),
         private.notification_required(c.category, ch.channel)
    from unnest(enum_range(null::public.notification_category)) as c (category)
   cross join unnest(enum_range(null::public.notification_channel)) as ch (channel)
    left join public.notification_preferences p
      on p.profile_id = (select auth.uid()) and p.category = c.category and p.channel = ch.channel
   where (select auth.uid()) is not null
   order by c.category, ch.channel;
$$;
comment on function public.my_notification_settings() is 'The caller''s channel choices for every category, defaults included.';
revoke all on function public.my_notification_settings() from public, anon;
grant execute on function public.my_notification_settings() to authenticated;

create function public.set_notification_preference(p_category public.notification_category,
                                                   p_channel public.notification_channel, p_enabled boolean)
returns table (category public.notification_category, channel public.notification_channel, enabled boolean, required boolean)
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if p_category is null or p_channel is null or p_enabled is null then
    raise exception 'Category, channel and choice are all needed' using errcode = 'PT400', detail = 'invalid_input';
  end if;
  insert into public.notification_preferences as np (profile_id, category, channel, enabled)
  values ((select auth.uid()), p_category, p_channel, p_enabled)
  on conflict on constraint notification_preferences_pkey do update set enabled = excluded.enabled;
  return query
    select s.category, s.channel, s.enabled, s.required
      from public.my_notification_settings() s
     where s.category = p_category and s.channel = p_channel;
end;
$$;
comment on function public.set_notification_preference(public.notification_category, public.notification_channel, boolean) is
  'Turns one channel of one category on or off for the caller; required ones refuse with preference_required.';
revoke all on function public.set_notification_preference(public.notification_category, public.notification_channel, boolean)
  from public, anon;
grant execute on function public.set_notification_preference(public.notification_category, public.notification_channel, boolean)
  to authenticated;

create function public.mark_notifications_read(p_ids uuid[] default null) returns int
language sql volatile security invoker set search_path = ''
as $$
  with marked as (
    update public.notifications n set read_at = now()
     where n.recipient_id = (select auth.uid()) and n.read_at is null
       and (p_ids is null or n.id = any (p_ids))
    returning 1
  )
  select count(*)::int from marked;
$$;
comment on function public.mark_notifications_read(uuid[]) is 'Marks the caller''s given notifications (all when none given) read; answers how many.';
revoke all on function public.mark_notifications_read(uuid[]) from public, anon;
grant execute on function public.mark_notifications_read(uuid[]) to authenticated;

-- Who hears of what, on which channels before preferences: SMS for the patient's booking news and
-- reminders, and for the practitioner when a patient cancels or moves.
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
     -- Nobody gets a text about a cancellation they made themselves (the e-mail is their record).
     and not (c.channel = 'sms' and coalesce(p_payload ->> 'by', '') = replace(rule.field, '_id', ''));
$$;

-- What a message needs to be worded, read fresh from the rows it is about (a moved appointment
-- shows its new time). One definition for e-mails, SMS and in-app notices.
create function private.message_context(p_topic text, p_payload jsonb) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select p_payload
    || coalesce((
      select jsonb_build_object(
               'starts_at', a.starts_at, 'ends_at', a.ends_at, 'status', a.status, 'mode', a.mode,
               'practitioner_name', pr.display_name, 'time_zone', pr.time_zone,
               'consultation_fr', t.name_fr, 'consultation_en', coalesce(t.name_en, t.name_fr),
               'patient_name', pa.full_name, 'address', pr.formatted_address,
               'amount_cents', coalesce((p_payload ->> 'amount_cents')::int, a.price_cents),
               'currency', coalesce(p_payload ->> 'currency', a.currency))
        from public.appointments a
        join public.practitioners pr on pr.id = a.practitioner_id
        join public.consultation_types t on t.id = a.consultation_type_id
        join public.profiles pa on pa.id = a.patient_id
       where a.id = (p_payload ->> 'appointment_id')::uuid), '{}'::jsonb)
    || coalesce((
      select jsonb_build_object('practitioner_name', pr.display_name, 'time_zone', pr.time_zone)
        from public.practitioners pr
       where p_payload ->> 'appointment_id' is null and pr.id = (p_payload ->> 'practitioner_id')::uuid), '{}'::jsonb);
$$;
comment on function private.message_context(text, jsonb) is 'An outbox message''s payload with the names, times and amounts its wording needs.';
revoke all on function private.message_context(text, jsonb) from public;

-- The deliveries an outbox message becomes once preferences are applied: required pairs always,
-- others as the person chose (or by default), SMS only to someone with a phone number.
create function private.planned_recipients(p_outbox_ids bigint[])
returns table (outbox_id bigint, topic text, payload jsonb, recipient_id uuid, channel public.notification_channel,
               recipient_time_zone text)
language sql stable security definer set search_path = ''
as $$
  select o.id, o.topic, o.payload, r.recipient_id, r.channel, p.time_zone
    from public.outbox o
   cross join lateral private.recipients_of(o.topic, o.payload) r
    join public.profiles p on p.id = r.recipient_id
    left join public.notification_preferences np
      on np.profile_id = r.recipient_id and np.category = private.category_of(o.topic) and np.channel = r.channel
   where o.id = any (p_outbox_ids)
     and (private.notification_required(private.category_of(o.topic), r.channel)
          or coalesce(np.enabled, private.notification_default(private.category_of(o.topic), r.channel)))
     and (r.channel <> 'sms' or p.phone is not null);
$$;
comment on function private.planned_recipients(bigint[]) is 'Recipients and channels of outbox messages after preferences.';
revoke all on function private.planned_recipients(bigint[]) from public;

create or replace function public.plan_deliveries(p_limit int default 500) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  taken bigint[];
begin
  -- Only topics that notify someone: the outbox may carry messages for other consumers.
  select array_agg(o.id) into taken from (
    select o.id from public.outbox o
     where o.status = 'pending' and o.next_attempt_at <= now()
       and private.category_of(o.topic) is not null
     order by o.id
     limit greatest(p_limit, 1)
     for update skip locked) o;
  if taken is null then
    return 0;
  end if;
  insert into public.deliveries (outbox_id, recipient_id, channel)
  select r.outbox_id, r.recipient_id, r.channel
    from private.planned_recipients(taken) r
   where r.channel <> 'in_app'
  on conflict do nothing;
  insert into public.notifications (recipient_id, outbox_id, topic, data)
  select r.recipient_id, r.outbox_id, r.topic,
         private.message_context(r.topic, r.payload) || jsonb_build_object('recipient_time_zone', r.recipient_time_zone)
    from private.planned_recipients(taken) r
   where r.channel = 'in_app'
  on conflict do nothing;
  update public.outbox o set status = 'sent', processed_at = now(), attempts = o.attempts + 1
   where o.id = any (taken);
  return cardinality(taken);
end;
$$;

-- Welcome, once a person who signed up confirms their address (an unconfirmed sign-up may be
-- someone else's address). Accounts made by an admin were sent no confirmation: no welcome.
create function private.welcome_confirmed_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if old.confirmation_sent_at is null then
    return new;
  end if;
  perform private.enqueue('account.welcome',
    jsonb_build_object('profile_id', p.id, 'role', p.role), 'welcome:' || p.id)
     from public.profiles p where p.id = new.id;
  return new;
end;
$$;
comment on function private.welcome_confirmed_user() is 'Enqueues the welcome message when a person confirms their address.';
revoke all on function private.welcome_confirmed_user() from public;

create trigger on_auth_user_confirmed_welcome after update of email_confirmed_at on auth.users
  for each row when (old.email_confirmed_at is null and new.email_confirmed_at is not null)
  execute function private.welcome_confirmed_user();
