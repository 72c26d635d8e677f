-- The Patients page: one server page of the practitioner's patients with their contact (e-mail and
-- phone), last and next appointment, visits, and how many patients match in all (for the pager).
-- Without a search the page's ids come from private.practitioner_patient_index (previous migration).
-- practitioner_patients (no phone, no total) stays for older clients; nothing calls it from here on.
set local lock_timeout = '5s';
create function public.practitioner_patient_page(p_search text default null, p_limit int default 25, p_offset int default 0)
returns table (patient_id uuid, full_name text, email text, phone text, appointments_count bigint,
               visits_count bigint, last_appointment_at timestamptz, next_appointment_at timestamptz,
               total_count bigint)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if char_length(p_search) > 200 then
    raise exception 'Search text has at most 200 characters' using errcode = 'PT400', detail = 'text_too_long';
  end if;
  if p_limit is null or p_limit not between 1 and 200 then
    raise exception 'p_limit must be between 1 and 200' using errcode = 'PT400', detail = 'out_of_range';
  end if;
  if p_offset is null or p_offset < 0 then
    raise exception 'p_offset must be 0 or more' using errcode = 'PT400', detail = 'out_of_range';
  end if;
  if nullif(btrim(p_search), '') is null then
    -- The page's ids from the practitioner's patient index (a few index reads), then each
    -- patient's figures from their own appointments only.
    return query
      select pg.patient_id, pr.full_name, pr.email, pr.phone, s.n, s.visits, s.last_at, s.next_at, pg.total
        from private.my_patient_page(p_limit, p_offset) pg
        join public.profiles pr on pr.id = pg.patient_id
        cross join lateral (
          select count(*) as n,
                 count(*) filter (where a.status = 'completed' or (a.status = 'confirmed' and a.ends_at <= now())) as visits,
                 max(a.starts_at) filter (where a.starts_at <= now() and a.status in ('confirmed', 'completed', 'no_show')) as last_at,
                 min(a.starts_at) filter (where a.starts_at > now() and a.status in ('held', 'confirmed')) as next_at
            from public.appointments a
           where a.practitioner_id = (select auth.uid()) and a.patient_id = pg.patient_id) s
       order by pg.latest_at desc, pg.patient_id;
  else
    -- Name or e-mail, accents and case ignored.
    return query
      with matched as (
        select a.patient_id, pr.full_name, pr.email, pr.phone, count(*) as n,
               count(*) filter (where a.status = 'completed' or (a.status = 'confirmed' and a.ends_at <= now())) as visits,
               max(a.starts_at) as latest,
               max(a.starts_at) filter (where a.starts_at <= now() and a.status in ('confirmed', 'completed', 'no_show')) as last_at,
               min(a.starts_at) filter (where a.starts_at > now() and a.status in ('held', 'confirmed')) as next_at
          from public.appointments a
          join public.profiles pr on pr.id = a.patient_id
         where a.practitioner_id = (select auth.uid())
           and private.normalize_text(coalesce(pr.full_name, '') || ' ' || coalesce(pr.email, ''))
               like '%' || private.normalize_text(btrim(p_search)) || '%'
         group by a.patient_id, pr.full_name, pr.email, pr.phone)
      select m.patient_id, m.full_name, m.email, m.phone, m.n, m.visits, m.last_at, m.next_at, count(*) over ()
        from matched m
       order by m.latest desc, m.patient_id
       limit p_limit offset p_offset;
  end if;
end;
$$;
comment on function public.practitioner_patient_page(text, int, int) is
  'The Patients page: the signed-in practitioner''s patients (never another practitioner''s) with contact, last and next appointment, visits and the matching total.';
revoke all on function public.practitioner_patient_page(text, int, int) from public, anon;
grant execute on function public.practitioner_patient_page(text, int, int) to authenticated;
