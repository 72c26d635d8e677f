-- Money: practitioners' SaaS plans and subscriptions, and patients' consultation payments, kept
-- in step with Stripe by its webhooks. The database decides: the `stripe-webhook` function
-- verifies the signature, then hands each event (with the object re-read from Stripe) to
-- apply_stripe_event, which records the event id once and applies it in one transaction. Calls
-- to Stripe that follow from a change (refunds, expiring a Checkout Session) are queued here and
-- made by the `payments` job with idempotency keys, so each happens once.
set local lock_timeout = '5s';

-- Plans ------------------------------------------------------------------------------------------
create type public.billing_interval as enum ('month', 'year');

create table public.plans (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name_fr text not null check (char_length(name_fr) between 2 and 80),
  name_en text not null check (char_length(name_en) between 2 and 80),
  billing_interval public.billing_interval not null,
  amount_cents int not null check (amount_cents between 0 and 10000000),
  currency text not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  trial_days int not null default 14 check (trial_days between 0 and 90),
  -- The Stripe price's lookup_key: prices are found by it, so ids may differ per Stripe account.
  stripe_lookup_key text not null unique check (char_length(stripe_lookup_key) between 3 and 200),
  active boolean not null default true,
  sort_order int not null default 0
);
comment on table public.plans is 'Subscription plans practitioners choose from, mirrored as Stripe prices (by lookup key).';
alter table public.plans enable row level security;
revoke all on public.plans from anon, authenticated;
grant select on public.plans to anon, authenticated;
grant all on public.plans to service_role;
create policy "anyone reads active plans" on public.plans for select to anon, authenticated using (active);
create policy "staff read every plan" on public.plans for select to authenticated using ((select private.is_staff()));

-- Stripe customers ------------------------------------------------------------------------------
create table public.billing_customers (
  profile_id uuid primary key references public.profiles (id) on delete cascade,
  stripe_customer_id text not null unique check (stripe_customer_id ~ '^cus_[A-Za-z0-9]+$'),
  created_at timestamptz not null default now()
);
comment on table public.billing_customers is 'The Stripe customer of each paying person (practitioners for plans, patients for consultations).';
alter table public.billing_customers enable row level security;
revoke all on public.billing_customers from anon, authenticated;
grant select on public.billing_customers to authenticated;
grant all on public.billing_customers to service_role;
create policy "people read their own customer" on public.billing_customers
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "staff read every customer" on public.billing_customers
  for select to authenticated using ((select private.is_staff()));

-- Subscriptions -----------------------------------------------------------------------------------
alter table public.subscriptions
  add column cancel_at_period_end boolean not null default false,
  add column trial_end timestamptz,
  add column past_due_since timestamptz,
  -- When the state written here was read from Stripe: an older reading never overwrites a newer.
  add column synced_at timestamptz;
comment on column public.subscriptions.past_due_since is 'Since when a renewal is unpaid; published for 7 days after.';

create function private.track_past_due() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status <> 'past_due' then
    new.past_due_since := null;
  elsif tg_op = 'INSERT' or old.status is distinct from 'past_due' then
    new.past_due_since := coalesce(new.past_due_since, now());
  end if;
  return new;
end;
$$;
comment on function private.track_past_due() is 'Keeps past_due_since: set when a subscription falls past due, cleared when it leaves.';
revoke all on function private.track_past_due() from public;
create trigger subscriptions_track_past_due before insert or update of status on public.subscriptions
  for each row execute function private.track_past_due();

-- Published = verified and (trialing or active, or past due for at most 7 days).
create or replace function private.has_active_subscription(p_practitioner_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.subscriptions s
     where s.practitioner_id = p_practitioner_id
       and (s.status in ('active', 'trialing')
            or (s.status = 'past_due' and s.past_due_since > now() - interval '7 days'))
  );
$$;

-- Time alone ends the grace of a past-due subscription: this job unpublishes when it does.
create function public.refresh_publication_tick() returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  changed int;
begin
  update public.practitioners p
     set published = p.verification_status = 'verified' and private.has_active_subscription(p.id)
   where p.published
     and exists (select 1 from public.subscriptions s
                  where s.practitioner_id = p.id and s.status = 'past_due'
                    and s.past_due_since <= now() - interval '7 days')
     and not private.has_active_subscription(p.id);
  get diagnostics changed = row_count;
  return changed;
end;
$$;
comment on function public.refresh_publication_tick() is 'Job: unpublishes practitioners whose 7 days of past-due grace ran out.';
revoke all on function public.refresh_publication_tick() from public, anon, authenticated;
grant execute on function public.refresh_publication_tick() to service_role;

-- Consultation payments ---------------------------------------------------------------------------
create type public.payment_status as enum ('open', 'paid', 'failed', 'expired', 'refund_pending', 'refunded', 'refund_failed');
comment on type public.payment_status is
  'open (Checkout under way), paid, failed, expired (hold ran out unpaid), refund_pending -> refunded or refund_failed.';

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  appointment_id uuid not null unique references public.appointments (id) on delete restrict,
  patient_id uuid not null references public.profiles (id) on delete restrict,
  practitioner_id uuid not null references public.practitioners (id) on delete restrict,
  amount_cents int not null check (amount_cents > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  status public.payment_status not null default 'open',
  checkout_session_id text unique check (checkout_session_id ~ '^cs_[A-Za-z0-9_]+$'),
  checkout_url text check (char_length(checkout_url) <= 2000),
  checkout_expires_at timestamptz not null,
  payment_intent_id text unique check (payment_intent_id ~ '^pi_[A-Za-z0-9_]+$'),
  receipt_url text check (char_length(receipt_url) <= 2000),
  paid_at timestamptz,
  -- Set when the session should be expired at Stripe (hold released); cleared once done.
  expire_requested boolean not null default false,
  refund_id text unique check (refund_id ~ '^re_[A-Za-z0-9_]+$'),
  refund_reason text check (refund_reason in ('cancelled', 'late_payment')),
  refunded_at timestamptz,
  last_error text check (char_length(last_error) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'paid') <= (paid_at is not null))
);
comment on table public.payments is 'A patient''s payment for one appointment, through a Stripe Checkout Session; written by the server only.';
create index payments_patient_idx on public.payments (patient_id, created_at desc);
create index payments_practitioner_idx on public.payments (practitioner_id);
create index payments_refund_due_idx on public.payments (updated_at) where status = 'refund_pending' and refund_id is null;
create index payments_expire_due_idx on public.payments (updated_at) where expire_requested;
create trigger payments_touch_updated_at before update on public.payments
  for each row execute function private.touch_updated_at();

alter table public.payments enable row level security;
revoke all on public.payments from anon, authenticated;
grant select on public.payments to authenticated;
grant all on public.payments to service_role;
create policy "patients read their own payments" on public.payments
  for select to authenticated using (patient_id = (select auth.uid()));
create policy "practitioners read payments of their appointments" on public.payments
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "staff read every payment" on public.payments
  for select to authenticated using ((select private.is_staff()));

-- Each Stripe event id once: a redelivery (Stripe retries, or replays) answers 200 and does nothing.
create table private.stripe_events (
  id text primary key check (id ~ '^evt_[A-Za-z0-9_]+$'),
  type text not null,
  created timestamptz not null,
  outcome text not null,
  received_at timestamptz not null default now()
);
comment on table private.stripe_events is 'Stripe events already applied, by id, with what they did.';

-- Starting a payment: called for the patient (their JWT) by the `checkout` function, before it
-- asks Stripe for a session. Stripe keeps a session open at least 30 minutes, so the hold is
-- stretched to the session's expiry: the slot stays the patient's while they can still pay.
create function private.begin_checkout(p_appointment_id uuid) returns public.payments
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  a public.appointments;
  p public.payments;
begin
  if p_appointment_id is null then
    raise exception 'Which appointment?' using errcode = 'PT400', detail = 'invalid_input';
  end if;
  select * into a from public.appointments x where x.id = p_appointment_id;
  if not found or caller is distinct from a.patient_id then
    raise exception 'No such appointment' using errcode = 'PT404', detail = 'not_found';
  end if;
  perform private.lock_calendar(a.practitioner_id);
  select * into a from public.appointments x where x.id = p_appointment_id for update;
  select * into p from public.payments x where x.appointment_id = a.id for update;
  if found and p.status <> 'open' then
    raise exception 'This appointment is already %', p.status using errcode = 'PT409', detail = 'payment_closed';
  end if;
  if a.status <> 'held' then
    raise exception 'This appointment is %, not waiting for payment', a.status
      using errcode = 'PT409', detail = case when a.status = 'cancelled' then 'hold_expired' else 'payment_closed' end;
  end if;
  if a.hold_expires_at <= now() + interval '1 minute' then
    raise exception 'This hold has expired: book the time again' using errcode = 'PT409', detail = 'hold_expired';
  end if;
  if p.id is null then
    insert into public.payments (appointment_id, patient_id, practitioner_id, amount_cents, currency, checkout_expires_at)
    values (a.id, a.patient_id, a.practitioner_id, a.price_cents, a.currency,
            -- Whole seconds: Stripe's expires_at is a Unix time.
            date_trunc('second', greatest(a.hold_expires_at, now() + interval '31 minutes')))
    returning * into p;
    update public.appointments x set hold_expires_at = p.checkout_expires_at where x.id = a.id;
  end if;
  return p;
end;
$$;
comment on function private.begin_checkout(uuid) is
  'The patient starts paying a held appointment: its payment row (made once), the hold stretched to the session''s expiry.';
revoke all on function private.begin_checkout(uuid) from public;
grant execute on function private.begin_checkout(uuid) to authenticated;

create function public.begin_checkout(p_appointment_id uuid) returns public.payments
language sql volatile security invoker set search_path = ''
as $$
  select * from private.begin_checkout(p_appointment_id);
$$;
comment on function public.begin_checkout(uuid) is 'The patient starts paying a held appointment; see private.begin_checkout.';
revoke all on function public.begin_checkout(uuid) from public, anon;
grant execute on function public.begin_checkout(uuid) to authenticated;

create function public.record_checkout_session(p_payment_id uuid, p_session_id text, p_url text) returns public.payments
language sql volatile security definer set search_path = ''
as $$
  update public.payments p
     set checkout_session_id = coalesce(p.checkout_session_id, p_session_id), checkout_url = coalesce(p.checkout_url, p_url)
   where p.id = p_payment_id
  returning *;
$$;
comment on function public.record_checkout_session(uuid, text, text) is 'checkout function: the Stripe session made for a payment.';
revoke all on function public.record_checkout_session(uuid, text, text) from public, anon, authenticated;
grant execute on function public.record_checkout_session(uuid, text, text) to service_role;

-- A cancelled appointment that was paid is refunded in full: patients may cancel online only
-- before the type's cut-off (later is refused, so no refund is owed online), practitioners and
-- staff any time. The refund is made by the payments job.
create function private.refund_cancelled_payment() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.payments p set status = 'refund_pending', refund_reason = 'cancelled'
   where p.appointment_id = new.id and p.status = 'paid';
  -- An unpaid Checkout Session of a released hold must not take money any more.
  update public.payments p set status = 'expired', expire_requested = p.checkout_session_id is not null
   where p.appointment_id = new.id and p.status = 'open';
  return null;
end;
$$;
comment on function private.refund_cancelled_payment() is 'Cancelling a paid appointment queues its refund; an open Checkout is expired.';
revoke all on function private.refund_cancelled_payment() from public;
create trigger appointments_refund_on_cancel after update of status on public.appointments
  for each row when (new.status = 'cancelled' and old.status is distinct from 'cancelled')
  execute function private.refund_cancelled_payment();

-- A hold released because its payment failed gets payment.failed, not hold_expired.
drop trigger appointments_hold_expired on public.appointments;
create trigger appointments_hold_expired after update of status on public.appointments
  for each row when (old.status = 'held' and new.status = 'cancelled' and new.cancelled_by_role = 'system'
                     and new.cancel_reason is distinct from 'payment failed')
  execute function private.enqueue_hold_expired();

-- Applying Stripe events ------------------------------------------------------------------------------

-- A session's payment intent: an id, or the object when the webhook expanded it (for the receipt).
create function private.intent_id_of(p_session jsonb) returns text
language sql immutable set search_path = ''
as $$
  select case jsonb_typeof(p_session -> 'payment_intent')
           when 'object' then p_session -> 'payment_intent' ->> 'id'
           else p_session ->> 'payment_intent' end;
$$;
revoke all on function private.intent_id_of(jsonb) from public;

-- The payment is settled: the held appointment is confirmed; one whose hold ran out (released,
-- so its time may be someone else's) is refunded instead.
create function private.settle_paid(p public.payments, p_session jsonb) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  a public.appointments;
begin
  if p.status <> 'open' and p.status <> 'expired' then
    return 'already ' || p.status;
  end if;
  perform private.lock_calendar(p.practitioner_id);
  select * into a from public.appointments x where x.id = p.appointment_id for update;
  if a.status = 'held' then
    update public.payments x
       set status = 'paid', paid_at = now(), payment_intent_id = coalesce(private.intent_id_of(p_session), x.payment_intent_id),
           receipt_url = coalesce(p_session -> 'payment_intent' -> 'latest_charge' ->> 'receipt_url', x.receipt_url),
           expire_requested = false
     where x.id = p.id;
    update public.appointments x set status = 'confirmed' where x.id = a.id;
    perform private.enqueue('appointment.confirmed',
      jsonb_build_object('appointment_id', a.id, 'practitioner_id', a.practitioner_id, 'patient_id', a.patient_id,
                         'starts_at', a.starts_at, 'status', 'confirmed'),
      'appointment:' || a.id || ':confirmed');
    return 'confirmed';
  end if;
  update public.payments x
     set status = 'refund_pending', refund_reason = 'late_payment', paid_at = now(), expire_requested = false,
         payment_intent_id = coalesce(private.intent_id_of(p_session), x.payment_intent_id)
   where x.id = p.id;
  return 'refund late payment';
end;
$$;
revoke all on function private.settle_paid(public.payments, jsonb) from public;

create function private.apply_checkout_session(p_type text, s jsonb) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p public.payments;
  a public.appointments;
begin
  if s ->> 'mode' = 'subscription' then
    return 'subscription checkout (its subscription events carry the state)';
  end if;
  select * into p from public.payments x
   where x.checkout_session_id = s ->> 'id' or x.id = (s -> 'metadata' ->> 'payment_id')::uuid
   order by x.checkout_session_id = s ->> 'id' desc limit 1
   for update;
  if not found then
    return 'unknown session';
  end if;
  if p.checkout_session_id is null then
    update public.payments x set checkout_session_id = s ->> 'id' where x.id = p.id;
  end if;
  -- The session as Stripe has it now decides, whatever event announced it.
  if s ->> 'payment_status' = 'paid' and s ->> 'status' = 'complete' then
    return private.settle_paid(p, s);
  end if;
  if p_type = 'checkout.session.async_payment_failed' and p.status = 'open' then
    update public.payments x set status = 'failed' where x.id = p.id;
    perform private.lock_calendar(p.practitioner_id);
    select * into a from public.appointments x where x.id = p.appointment_id for update;
    if a.status = 'held' then
      update public.appointments x
         set status = 'cancelled', cancelled_at = now(), cancelled_by_role = 'system', cancel_reason = 'payment failed'
       where x.id = a.id;
    end if;
    perform private.enqueue('payment.failed',
      jsonb_build_object('appointment_id', a.id, 'practitioner_id', a.practitioner_id, 'patient_id', a.patient_id,
                         'amount_cents', p.amount_cents, 'currency', p.currency),
      'payment:' || p.id || ':failed');
    return 'failed, slot released';
  end if;
  if s ->> 'status' = 'expired' and p.status = 'open' then
    update public.payments x set status = 'expired', expire_requested = false where x.id = p.id;
    perform private.lock_calendar(p.practitioner_id);
    update public.appointments x
       set status = 'cancelled', cancelled_at = now(), cancelled_by_role = 'system', cancel_reason = 'hold expired'
     where x.id = p.appointment_id and x.status = 'held';
    return 'expired, hold released';
  end if;
  if s ->> 'status' = 'expired' then
    update public.payments x set expire_requested = false where x.id = p.id;
  end if;
  return 'no change (' || coalesce(s ->> 'status', '?') || '/' || coalesce(s ->> 'payment_status', '?') || ')';
end;
$$;
revoke all on function private.apply_checkout_session(text, jsonb) from public;

create function private.apply_refund(r jsonb) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p public.payments;
begin
  select * into p from public.payments x
   where x.refund_id = r ->> 'id' or (x.payment_intent_id = r ->> 'payment_intent' and x.refund_id is null)
   for update;
  if not found then
    return 'unknown refund';
  end if;
  if r ->> 'status' = 'succeeded' and p.status in ('refund_pending', 'refund_failed') then
    update public.payments x set status = 'refunded', refunded_at = now(), refund_id = r ->> 'id', last_error = null
     where x.id = p.id;
    perform private.enqueue('payment.refunded',
      jsonb_build_object('appointment_id', p.appointment_id, 'practitioner_id', p.practitioner_id,
                         'patient_id', p.patient_id, 'amount_cents', p.amount_cents, 'currency', p.currency,
                         'reason', p.refund_reason),
      'payment:' || p.id || ':refunded');
    return 'refunded';
  end if;
  if r ->> 'status' in ('failed', 'canceled') and p.status = 'refund_pending' then
    update public.payments x
       set status = 'refund_failed', refund_id = r ->> 'id',
           last_error = left('Stripe refund ' || (r ->> 'status') || ': ' || coalesce(r ->> 'failure_reason', 'no reason given'), 2000)
     where x.id = p.id;
    return 'refund failed';
  end if;
  return 'no change (refund ' || coalesce(r ->> 'status', '?') || ', payment ' || p.status || ')';
end;
$$;
revoke all on function private.apply_refund(jsonb) from public;

create function private.apply_subscription(sub jsonb, p_read_at timestamptz) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  who uuid;
  current public.subscriptions;
  item jsonb := sub -> 'items' -> 'data' -> 0;
  plan_code text;
begin
  select c.profile_id into who from public.billing_customers c where c.stripe_customer_id = sub ->> 'customer';
  who := coalesce(who, (sub -> 'metadata' ->> 'practitioner_id')::uuid);
  if who is null or not exists (select 1 from public.practitioners pr where pr.id = who) then
    return 'subscription of nobody we know';
  end if;
  select pl.code into plan_code from public.plans pl where pl.stripe_lookup_key = item -> 'price' ->> 'lookup_key';
  plan_code := coalesce(plan_code, sub -> 'metadata' ->> 'plan', 'unknown');
  select * into current from public.subscriptions s where s.stripe_subscription_id = sub ->> 'id' for update;
  if found and current.synced_at > p_read_at then
    return 'older than what we have';
  end if;
  insert into public.subscriptions as s (practitioner_id, plan, status, current_period_end, stripe_customer_id,
                                         stripe_subscription_id, cancel_at_period_end, trial_end, synced_at)
  values (who, plan_code, (sub ->> 'status')::public.subscription_status,
          to_timestamp(coalesce((sub ->> 'current_period_end')::bigint, (item ->> 'current_period_end')::bigint)),
          sub ->> 'customer', sub ->> 'id', coalesce((sub ->> 'cancel_at_period_end')::boolean, false),
          to_timestamp((sub ->> 'trial_end')::bigint), p_read_at)
  on conflict (stripe_subscription_id) do update
     set plan = excluded.plan, status = excluded.status, current_period_end = excluded.current_period_end,
         cancel_at_period_end = excluded.cancel_at_period_end, trial_end = excluded.trial_end,
         synced_at = excluded.synced_at;
  return 'subscription ' || (sub ->> 'status');
end;
$$;
revoke all on function private.apply_subscription(jsonb, timestamptz) from public;

-- The one entry point of the webhook. p_object is the event's object as read again from Stripe
-- when the function could (then reordering cannot bring back an old state); p_read_at when it
-- was read. Answers what it did, for the log and the tests.
create function public.apply_stripe_event(p_event jsonb, p_object jsonb default null, p_read_at timestamptz default null)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  event_type text := p_event ->> 'type';
  obj jsonb := coalesce(p_object, p_event -> 'data' -> 'object');
  read_at timestamptz := coalesce(p_read_at, to_timestamp((p_event ->> 'created')::bigint));
  result text;
  who uuid;
begin
  if p_event ->> 'id' is null or event_type is null or obj is null then
    raise exception 'Not a Stripe event' using errcode = 'PT400', detail = 'invalid_input';
  end if;
  insert into private.stripe_events (id, type, created, outcome)
  values (p_event ->> 'id', event_type, to_timestamp((p_event ->> 'created')::bigint), 'applying')
  on conflict (id) do nothing;
  if not found then
    return 'duplicate';
  end if;

  result := case
    when event_type like 'checkout.session.%' then private.apply_checkout_session(event_type, obj)
    when event_type like 'customer.subscription.%' then private.apply_subscription(obj, read_at)
    when event_type in ('charge.refunded', 'refund.created', 'refund.updated', 'charge.refund.updated') then
      case when obj ->> 'object' = 'refund' then private.apply_refund(obj)
           else coalesce((select string_agg(private.apply_refund(r), '; ')
                            from jsonb_array_elements(obj -> 'refunds' -> 'data') r), 'no refunds listed') end
    else null
  end;

  if event_type = 'invoice.payment_failed' then
    select c.profile_id into who from public.billing_customers c where c.stripe_customer_id = obj ->> 'customer';
    if who is not null and exists (select 1 from public.practitioners pr where pr.id = who) then
      perform private.enqueue('subscription.payment_failed',
        jsonb_build_object('practitioner_id', who, 'amount_cents', (obj ->> 'amount_due')::int,
                           'currency', upper(obj ->> 'currency'), 'invoice_id', obj ->> 'id'),
        'invoice:' || (obj ->> 'id') || ':failed:' || coalesce(obj ->> 'attempt_count', '1'));
      result := 'practitioner told of the failed renewal';
    end if;
  end if;

  result := coalesce(result, 'ignored');
  update private.stripe_events e set outcome = left(result, 500) where e.id = p_event ->> 'id';
  return result;
end;
$$;
comment on function public.apply_stripe_event(jsonb, jsonb, timestamptz) is
  'stripe-webhook: applies one verified event once, in one transaction; duplicates answer ''duplicate''.';
revoke all on function public.apply_stripe_event(jsonb, jsonb, timestamptz) from public, anon, authenticated;
grant execute on function public.apply_stripe_event(jsonb, jsonb, timestamptz) to service_role;

-- The payments job: what it must ask Stripe to do, and what came of it.
create function public.payments_due(p_limit int default 50)
returns table (payment_id uuid, action text, payment_intent_id text, checkout_session_id text, amount_cents int)
language sql stable security definer set search_path = ''
as $$
  (select p.id, 'refund', p.payment_intent_id, p.checkout_session_id, p.amount_cents
     from public.payments p
    where p.status = 'refund_pending' and p.refund_id is null and p.payment_intent_id is not null
    order by p.updated_at limit greatest(p_limit, 1))
  union all
  (select p.id, 'expire', p.payment_intent_id, p.checkout_session_id, p.amount_cents
     from public.payments p
    where p.expire_requested
    order by p.updated_at limit greatest(p_limit, 1));
$$;
comment on function public.payments_due(int) is 'payments job: refunds to ask for and Checkout Sessions to expire.';
revoke all on function public.payments_due(int) from public, anon, authenticated;
grant execute on function public.payments_due(int) to service_role;

create function public.record_payment_action(p_payment_id uuid, p_action text, p_refund_id text default null,
                                             p_refund_status text default null, p_error text default null)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_error is not null then
    update public.payments p set last_error = left(p_error, 2000) where p.id = p_payment_id;
  elsif p_action = 'expire' then
    update public.payments p set expire_requested = false where p.id = p_payment_id;
  elsif p_action = 'refund' then
    update public.payments p set refund_id = p_refund_id, last_error = null where p.id = p_payment_id;
    -- Stripe often settles a card refund at once: apply its status as a refund event would.
    if p_refund_status is not null then
      perform private.apply_refund(jsonb_build_object('id', p_refund_id, 'status', p_refund_status));
    end if;
  end if;
end;
$$;
comment on function public.record_payment_action(uuid, text, text, text, text) is 'payments job: what Stripe answered.';
revoke all on function public.record_payment_action(uuid, text, text, text, text) from public, anon, authenticated;
grant execute on function public.record_payment_action(uuid, text, text, text, text) to service_role;

insert into private.scheduled_jobs (name, schedule, function_path) values
  ('payments', '* * * * *', 'payments');
insert into private.scheduled_jobs (name, schedule, command) values
  ('refresh-publication', '17 * * * *', 'select public.refresh_publication_tick()');

-- Hosted only (pg_cron, pg_net and Vault present): the same jobs, as the first scheduling
-- migration set up its own. Locally the stack's scheduler reads the table.
create function private.schedule_on_cron(p_name text) returns void
language plpgsql volatile set search_path = ''
as $$
declare
  job private.scheduled_jobs;
begin
  if not exists (select 1 from pg_extension where extname = 'pg_cron') then
    return;
  end if;
  select * into job from private.scheduled_jobs j where j.name = p_name;
  if job.command is not null then
    perform cron.schedule(job.name, job.schedule, job.command);
  elsif exists (select 1 from pg_extension where extname = 'pg_net')
        and exists (select 1 from pg_namespace where nspname = 'vault') then
    perform cron.schedule(job.name, job.schedule, format(
      $cmd$select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/%s',
        headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization',
          'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')),
        body := %L::jsonb)$cmd$, job.function_path, job.body::text));
  end if;
end;
$$;
comment on function private.schedule_on_cron(text) is 'Registers one scheduled job with pg_cron where it exists (hosted); a no-op locally.';
revoke all on function private.schedule_on_cron(text) from public;

select private.schedule_on_cron('payments');
select private.schedule_on_cron('refresh-publication');
