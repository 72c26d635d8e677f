-- Home-care notification topics (issue 16): the topic functions redefined from their latest text
-- (20261206090100) with four topics added. homecare.offer reaches the practitioner by SMS (with the
-- signed link) and in the app; homecare.accepted tells the patient who is coming; the escalated
-- and stuck alerts reach each staff member in the app. All four are booking news.
set local lock_timeout = '5s';

create or replace function private.category_of(p_topic text) returns public.notification_category
language sql immutable set search_path = ''
as $$
  select (case
    when p_topic = 'appointment.reminder' then 'reminders'
    when p_topic like 'appointment.%' or p_topic like 'payment.%' or p_topic like 'homecare.%' then 'booking'
    when p_topic like 'practitioner.verification.%'
      or p_topic in ('account.welcome', 'calendar.connection_broken', 'subscription.payment_failed') then 'account'
  end)::public.notification_category;
$$;

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

create or replace function private.message_context(p_topic text, p_payload jsonb) returns jsonb
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
       where p_payload ->> 'appointment_id' is null and pr.id = (p_payload ->> 'practitioner_id')::uuid), '{}'::jsonb)
    || coalesce((
      select jsonb_build_object(
               'care_fr', c.name_fr, 'care_en', c.name_en, 'locality', r.locality, 'time_zone', r.time_zone,
               'request_state', r.state, 'urgency', r.urgency,
               'visit_count', (select count(*) from public.home_care_visits v where v.request_id = r.id),
               -- The first visit: its booked start once accepted, else its window's start.
               'starts_at', coalesce(
                 (select min(a.starts_at) from public.home_care_visits v join public.appointments a on a.id = v.appointment_id
                   where v.request_id = r.id and a.status = 'confirmed'),
                 (select min(lower(v.time_window)) from public.home_care_visits v where v.request_id = r.id)),
               'practitioner_name', (select pr.display_name from public.practitioners pr where pr.id = r.accepted_by))
        || case when p_topic = 'homecare.offer' and p_payload ? 'offer_id'
                then jsonb_build_object('offer_token', private.home_care_offer_token((p_payload ->> 'offer_id')::uuid))
                else '{}'::jsonb end
        from public.home_care_requests r
        join public.care_types c on c.id = r.care_type_id
       where r.id = (p_payload ->> 'request_id')::uuid), '{}'::jsonb);
$$;
