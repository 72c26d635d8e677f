-- Two migrations of this change each redefined private.recipients_of from its earlier text:
-- 20261206170200 (Google sync) added appointment.changed_in_google, 20261206180300 (home care)
-- added the homecare.* topics and, being later, dropped the Google line. This puts both back in
-- one list. The next topic added redefines this whole list again.
set local lock_timeout = '5s';

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
      ('practitioner.verification.suspended', 'practitioner_id', array['email', 'in_app']),
      ('homecare.offer', 'practitioner_id', array['in_app', 'sms']),
      ('homecare.accepted', 'patient_id', array['in_app', 'sms']),
      ('homecare.escalated', 'staff_id', array['in_app']),
      ('homecare.stuck', 'staff_id', array['in_app'])
    ) as rule (topic, field, channels)
   cross join lateral (select (p_payload ->> rule.field)::uuid as id) r
   cross join lateral unnest(rule.channels::public.notification_channel[]) as c (channel)
   where rule.topic = p_topic and r.id is not null
     -- Nobody gets a text about a cancellation they made themselves (the e-mail is their record).
     and not (c.channel = 'sms' and coalesce(p_payload ->> 'by', '') = replace(rule.field, '_id', ''));
$$;
