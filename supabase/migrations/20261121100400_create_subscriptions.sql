-- A practitioner's SaaS subscription, driven by Stripe webhooks (service role only). It exists
-- now because "published" needs it: a practitioner appears only while verified AND subscribed.

create table public.subscriptions (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references public.profiles (id) on delete cascade,
  plan text not null check (plan ~ '^[a-z][a-z0-9_]{1,40}$'),
  status text not null check (status in ('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused')),
  current_period_end timestamptz,
  stripe_customer_id text,
  stripe_subscription_id text unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.subscriptions is
  'Practitioners'' SaaS subscriptions as Stripe reports them; only the service role writes here.';
create index subscriptions_practitioner_idx on public.subscriptions (practitioner_id);

create trigger subscriptions_touch_updated_at before update on public.subscriptions
  for each row execute function private.touch_updated_at();

alter table public.subscriptions enable row level security;
revoke all on public.subscriptions from anon, authenticated;
grant select on public.subscriptions to authenticated;
grant all on public.subscriptions to service_role;

create policy "practitioners read their own subscriptions" on public.subscriptions
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "staff read every subscription" on public.subscriptions
  for select to authenticated using ((select private.is_staff()));

create function private.has_active_subscription(p_practitioner_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.subscriptions s
     where s.practitioner_id = p_practitioner_id and s.status in ('active', 'trialing')
  );
$$;
comment on function private.has_active_subscription(uuid) is
  'Whether a practitioner pays (or trials) right now; security definer because callers cannot read subscriptions.';
revoke all on function private.has_active_subscription(uuid) from public;
