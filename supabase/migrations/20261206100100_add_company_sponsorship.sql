-- Company-sponsored consultations: a client company pays for chosen consultation types of its
-- employees (members by confirmed e-mail domain), optionally up to a number per month. Such a
-- booking skips payment: it is confirmed at once and counted against the company's month.
set local lock_timeout = '5s';

create table public.company_sponsored_types (
  company_id uuid not null references public.companies (id) on delete cascade,
  consultation_type_id uuid not null references public.consultation_types (id) on delete cascade,
  -- Appointments per calendar month (Europe/Paris) the company pays for; null: no limit.
  monthly_quota int check (monthly_quota between 1 and 100000),
  created_at timestamptz not null default now(),
  primary key (company_id, consultation_type_id)
);
comment on table public.company_sponsored_types is 'Consultation types a client company pays for, for its members.';
create index company_sponsored_types_type_idx on public.company_sponsored_types (consultation_type_id);

alter table public.company_sponsored_types enable row level security;
revoke all on public.company_sponsored_types from anon, authenticated;
grant select on public.company_sponsored_types to authenticated;
grant insert, update, delete on public.company_sponsored_types to authenticated;
grant all on public.company_sponsored_types to service_role;
create policy "members read what their company sponsors" on public.company_sponsored_types
  for select to authenticated
  using (exists (select 1 from public.company_members m
                  where m.company_id = company_sponsored_types.company_id and m.user_id = (select auth.uid())));
create policy "staff read every sponsorship" on public.company_sponsored_types
  for select to authenticated using ((select private.is_staff()));
create policy "staff add sponsorships" on public.company_sponsored_types
  for insert to authenticated with check ((select private.is_staff()));
create policy "staff change sponsorships" on public.company_sponsored_types
  for update to authenticated using ((select private.is_staff())) with check ((select private.is_staff()));
create policy "staff remove sponsorships" on public.company_sponsored_types
  for delete to authenticated using ((select private.is_staff()));

-- The column is new, so every row holds null: the foreign key has nothing to check and the index
-- build is one quick pass (well under a second at 500,000 appointments), inside lock_timeout.
-- squawk-ignore-file require-concurrent-index-creation, adding-foreign-key-constraint
alter table public.appointments
  add column sponsor_company_id uuid references public.companies (id) on delete restrict;
comment on column public.appointments.sponsor_company_id is 'The client company paying for this appointment, if any.';
-- Not partial, so that it also serves the foreign key's checks when a company is deleted.
create index appointments_sponsor_idx on public.appointments (sponsor_company_id, created_at);

-- At booking: the first company of the patient that sponsors this type and has room this month
-- pays. The company row is locked so two bookings cannot both take its last place.
create function private.apply_company_sponsorship() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  sponsor uuid;
  month_start timestamptz := date_trunc('month', now() at time zone 'Europe/Paris') at time zone 'Europe/Paris';
begin
  if new.status <> 'held' or new.price_cents = 0 then
    return new;
  end if;
  for sponsor in
    select s.company_id
      from public.company_sponsored_types s
      join public.company_members m on m.company_id = s.company_id and m.user_id = new.patient_id
      join public.companies c on c.id = s.company_id and c.active
     where s.consultation_type_id = new.consultation_type_id
     order by s.company_id
  loop
    perform 1 from public.companies c where c.id = sponsor for update;
    if (select s.monthly_quota is null
               or s.monthly_quota > (select count(*) from public.appointments a
                                      where a.sponsor_company_id = sponsor and a.status <> 'cancelled'
                                        and a.created_at >= month_start)
          from public.company_sponsored_types s
         where s.company_id = sponsor and s.consultation_type_id = new.consultation_type_id) then
      new.status := 'confirmed';
      new.hold_expires_at := null;
      new.sponsor_company_id := sponsor;
      return new;
    end if;
  end loop;
  return new;
end;
$$;
comment on function private.apply_company_sponsorship() is
  'A booking of a type the patient''s company sponsors (with room this month) is confirmed without payment.';
revoke all on function private.apply_company_sponsorship() from public;
create trigger appointments_company_sponsorship before insert on public.appointments
  for each row execute function private.apply_company_sponsorship();

-- Staff see what each company used, per month (Europe/Paris), for invoicing companies.
create function public.company_monthly_usage(p_company_id uuid default null)
returns table (company_id uuid, month date, appointments int, amount_cents bigint, cancelled int)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if not coalesce((select private.is_staff()), false) then
    raise exception 'Only staff see what companies used' using errcode = 'PT403', detail = 'staff_only';
  end if;
  return query
    select a.sponsor_company_id,
           (date_trunc('month', a.created_at at time zone 'Europe/Paris'))::date,
           (count(*) filter (where a.status <> 'cancelled'))::int,
           coalesce(sum(a.price_cents) filter (where a.status <> 'cancelled'), 0)::bigint,
           (count(*) filter (where a.status = 'cancelled'))::int
      from public.appointments a
     where a.sponsor_company_id is not null
       and (p_company_id is null or a.sponsor_company_id = p_company_id)
     group by 1, 2
     order by 2 desc, 1;
end;
$$;
comment on function public.company_monthly_usage(uuid) is 'Staff: sponsored appointments per company and month (Europe/Paris).';
revoke all on function public.company_monthly_usage(uuid) from public, anon;
grant execute on function public.company_monthly_usage(uuid) to authenticated;
