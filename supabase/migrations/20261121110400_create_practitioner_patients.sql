-- A practitioner's patient list: the people who booked with them, and nobody else. Profiles of
-- patients become readable to a practitioner only through an appointment between them.

create index appointments_practitioner_patient_idx on public.appointments (practitioner_id, patient_id, starts_at);

create policy "practitioners read their patients' profiles" on public.profiles
  for select to authenticated
  using (exists (select 1 from public.appointments a
                  where a.practitioner_id = (select auth.uid()) and a.patient_id = profiles.id));

create function public.practitioner_patients(p_search text default null, p_limit int default 50, p_offset int default 0)
returns table (patient_id uuid, full_name text, email text, appointments_count bigint,
               last_appointment_at timestamptz, next_appointment_at timestamptz)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if p_limit is null or p_limit not between 1 and 200 then
    raise exception 'p_limit must be between 1 and 200' using errcode = 'PT400';
  end if;
  if p_search is null then
    -- The page comes from appointments alone; only its patients' profiles are read (each profile
    -- read runs the RLS policy, so reading them all first would cost one check per appointment).
    return query
      with page as (
        select a.patient_id, count(*) as n, max(a.starts_at) as latest,
               max(a.starts_at) filter (where a.starts_at <= now() and a.status in ('confirmed', 'completed', 'no_show')) as last_at,
               min(a.starts_at) filter (where a.starts_at > now() and a.status in ('held', 'confirmed')) as next_at
          from public.appointments a
         where a.practitioner_id = (select auth.uid())
         group by a.patient_id
         order by latest desc, a.patient_id
         limit p_limit offset greatest(p_offset, 0))
      select pg.patient_id, pr.full_name, pr.email, pg.n, pg.last_at, pg.next_at
        from page pg join public.profiles pr on pr.id = pg.patient_id
       order by pg.latest desc, pg.patient_id;
  else
    return query
      select a.patient_id, pr.full_name, pr.email, count(*),
             max(a.starts_at) filter (where a.starts_at <= now() and a.status in ('confirmed', 'completed', 'no_show')),
             min(a.starts_at) filter (where a.starts_at > now() and a.status in ('held', 'confirmed'))
        from public.appointments a
        join public.profiles pr on pr.id = a.patient_id
       where a.practitioner_id = (select auth.uid())
         and private.normalize_text(coalesce(pr.full_name, '') || ' ' || coalesce(pr.email, ''))
             like '%' || private.normalize_text(p_search) || '%'
       group by a.patient_id, pr.full_name, pr.email
       order by max(a.starts_at) desc, a.patient_id
       limit p_limit offset greatest(p_offset, 0);
  end if;
end;
$$;
comment on function public.practitioner_patients(text, int, int) is
  'The signed-in practitioner''s patients with their last and next appointment; other practitioners'' patients never appear.';
revoke all on function public.practitioner_patients(text, int, int) from public, anon;
grant execute on function public.practitioner_patients(text, int, int) to authenticated;
