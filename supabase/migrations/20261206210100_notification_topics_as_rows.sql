-- Which outbox topics notify whom, through which channels, under which preference category: rows
-- now, not the text of two functions. A new topic is an insert in its own migration; before, each
-- one redefined the whole list, and two migrations made from the same text had already dropped a
-- topic (20261206190000 put it back). Same answers as before for every topic the code enqueues
-- (calendar.push, read by google-sync, still notifies nobody).
set local lock_timeout = '5s';

create table private.notification_topics (
  topic text primary key check (topic ~ '^[a-z_]+(\.[a-z_]+)+$'),
  category public.notification_category not null
);
comment on table private.notification_topics is
  'Outbox topics that notify people, and the preference category each belongs to.';

create table private.notification_recipients (
  topic text not null references private.notification_topics on delete cascade,
  -- The payload field holding the recipient's profile id.
  field text not null check (field ~ '^[a-z_]+_id$'),
  channels public.notification_channel[] not null check (cardinality(channels) > 0),
  primary key (topic, field)
);
comment on table private.notification_recipients is
  'Who an outbox topic notifies (the profile id in a payload field) and through which channels.';

insert into private.notification_topics (topic, category) values
  ('appointment.confirmed', 'booking'),
  ('appointment.held', 'booking'),
  ('appointment.rescheduled', 'booking'),
  ('appointment.cancelled', 'booking'),
  ('appointment.hold_expired', 'booking'),
  ('appointment.reminder', 'reminders'),
  ('appointment.changed_in_google', 'booking'),
  ('payment.failed', 'booking'),
  ('payment.refunded', 'booking'),
  ('subscription.payment_failed', 'account'),
  ('account.welcome', 'account'),
  ('calendar.connection_broken', 'account'),
  ('practitioner.verification.submitted', 'account'),
  ('practitioner.verification.verified', 'account'),
  ('practitioner.verification.rejected', 'account'),
  ('practitioner.verification.suspended', 'account'),
  ('homecare.offer', 'booking'),
  ('homecare.accepted', 'booking'),
  ('homecare.escalated', 'booking'),
  ('homecare.stuck', 'booking');

insert into private.notification_recipients (topic, field, channels) values
  ('appointment.confirmed', 'patient_id', '{email,in_app,sms}'),
  ('appointment.confirmed', 'practitioner_id', '{email,in_app}'),
  ('appointment.held', 'patient_id', '{in_app}'),
  ('appointment.rescheduled', 'patient_id', '{email,in_app,sms}'),
  ('appointment.rescheduled', 'practitioner_id', '{email,in_app,sms}'),
  ('appointment.cancelled', 'patient_id', '{email,in_app,sms}'),
  ('appointment.cancelled', 'practitioner_id', '{email,in_app,sms}'),
  ('appointment.hold_expired', 'patient_id', '{email,in_app,sms}'),
  ('appointment.reminder', 'patient_id', '{email,in_app,sms}'),
  ('appointment.changed_in_google', 'practitioner_id', '{email,in_app}'),
  ('payment.failed', 'patient_id', '{email,in_app,sms}'),
  ('payment.refunded', 'patient_id', '{email,in_app}'),
  ('subscription.payment_failed', 'practitioner_id', '{email,in_app,sms}'),
  ('account.welcome', 'profile_id', '{email,in_app}'),
  ('calendar.connection_broken', 'practitioner_id', '{email,in_app}'),
  ('practitioner.verification.submitted', 'practitioner_id', '{email,in_app}'),
  ('practitioner.verification.verified', 'practitioner_id', '{email,in_app}'),
  ('practitioner.verification.rejected', 'practitioner_id', '{email,in_app}'),
  ('practitioner.verification.suspended', 'practitioner_id', '{email,in_app}'),
  ('homecare.offer', 'practitioner_id', '{in_app,sms}'),
  ('homecare.accepted', 'patient_id', '{in_app,sms}'),
  ('homecare.escalated', 'staff_id', '{in_app}'),
  ('homecare.stuck', 'staff_id', '{in_app}');

create or replace function private.category_of(p_topic text) returns public.notification_category
language sql stable set search_path = ''
as $$
  select t.category from private.notification_topics t where t.topic = p_topic;
$$;

create or replace function private.recipients_of(p_topic text, p_payload jsonb)
returns table (recipient_id uuid, channel public.notification_channel)
language sql stable set search_path = ''
as $$
  select r.id, c.channel
    from private.notification_recipients rule
   cross join lateral (select (p_payload ->> rule.field)::uuid as id) r
   cross join lateral unnest(rule.channels) as c (channel)
   where rule.topic = p_topic and r.id is not null
     -- Nobody gets a text about a cancellation they made themselves (the e-mail is their record).
     and not (c.channel = 'sms' and coalesce(p_payload ->> 'by', '') = replace(rule.field, '_id', ''));
$$;
