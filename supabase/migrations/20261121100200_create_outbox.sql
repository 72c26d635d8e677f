-- Side effects on the outside world (e-mail, SMS, Stripe, Google) start from rows written in the
-- same transaction as the business change, so a change is never committed without its message
-- and a message never goes out for a change that rolled back. Edge functions deliver them.

create table public.outbox (
  id bigint generated always as identity primary key,
  topic text not null check (topic ~ '^[a-z_]+(\.[a-z_]+)*$'),
  payload jsonb not null,
  -- One message per business event even if a trigger fires twice.
  dedupe_key text unique,
  status text not null default 'pending' check (status in ('pending', 'processing', 'sent', 'failed')),
  attempts int not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  processed_at timestamptz
);
comment on table public.outbox is
  'Messages to the outside world enqueued with the change that causes them; delivered and retried by edge functions.';
create index outbox_due_idx on public.outbox (next_attempt_at) where status in ('pending', 'failed');

alter table public.outbox enable row level security;
revoke all on public.outbox from anon, authenticated;
grant all on public.outbox to service_role;

create policy "staff read the outbox" on public.outbox
  for select to authenticated using ((select private.is_staff()));
grant select on public.outbox to authenticated;

create function private.enqueue(p_topic text, p_payload jsonb, p_dedupe_key text default null) returns void
language sql security definer set search_path = ''
as $$
  insert into public.outbox (topic, payload, dedupe_key) values (p_topic, p_payload, p_dedupe_key)
  on conflict (dedupe_key) do nothing;
$$;
comment on function private.enqueue(text, jsonb, text) is 'The one way business code enqueues an outbox message.';
revoke all on function private.enqueue(text, jsonb, text) from public;
