-- The Appointments page and a patient's history: one server page of the practitioner's own
-- appointments, filtered by when and how they ended, searchable by patient, with the total for the
-- pager. Only the caller's appointments as practitioner: one they booked as a patient never shows.
set local lock_timeout = '5s';
create type public.appointment_list_filter as enum ('upcoming', 'past', 'cancelled', 'no_show', 'all');
comment on type public.appointment_list_filter is
  'upcoming: held or confirmed, not over; past: took place (completed, or confirmed and over); cancelled; no_show; all.';

create function public.practitioner_appointment_list(
  p_filter public.appointment_list_filter default 'upcoming',
  p_search text default null,
  p_patient_id uuid default null,
  p_limit int default 25,
  p_offset int default 0)
returns table (id uuid, patient_id uuid, patient_name text, patient_email text, consultation_type_id uuid,
               type_name_fr text, type_name_en text, starts_at timestamptz, ends_at timestamptz,
               status public.appointment_status, mode public.consultation_mode, price_cents int, currency text,
               cancelled_by_role public.appointment_actor, cancel_reason text, has_note boolean, total_count bigint)
language plpgsql stable security invoker set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  needle text := private.normalize_text(nullif(btrim(p_search), ''));
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
  return query
    with hits as (
      select a.*, pr.full_name, pr.email, count(*) over () as total
        from public.appointments a
        join public.profiles pr on pr.id = a.patient_id
       where a.practitioner_id = me
         and (p_patient_id is null or a.patient_id = p_patient_id)
         and case coalesce(p_filter, 'upcoming')
               when 'upcoming' then a.ends_at > now() and (a.status = 'confirmed'
                                     or (a.status = 'held' and a.hold_expires_at > now()))
               when 'past' then a.ends_at <= now() and a.status in ('confirmed', 'completed')
               when 'cancelled' then a.status = 'cancelled'
               when 'no_show' then a.status = 'no_show'
               else true
             end
         and (needle is null
              or private.normalize_text(coalesce(pr.full_name, '') || ' ' || coalesce(pr.email, '')) like '%' || needle || '%')
       -- Upcoming reads soonest first; every other list, most recent first.
       order by case when coalesce(p_filter, 'upcoming') = 'upcoming' then a.starts_at end asc,
                a.starts_at desc, a.id
       limit p_limit offset p_offset)
    select h.id, h.patient_id, h.full_name, h.email, h.consultation_type_id, ct.name_fr, ct.name_en,
           h.starts_at, h.ends_at, h.status, h.mode, h.price_cents, h.currency, h.cancelled_by_role,
           h.cancel_reason, exists (select 1 from public.appointment_notes n where n.appointment_id = h.id), h.total
      from hits h join public.consultation_types ct on ct.id = h.consultation_type_id
     order by case when coalesce(p_filter, 'upcoming') = 'upcoming' then h.starts_at end asc,
              h.starts_at desc, h.id;
end;
$$;
comment on function public.practitioner_appointment_list(public.appointment_list_filter, text, uuid, int, int) is
  'The Appointments page and a patient''s history: the signed-in practitioner''s own appointments, one page at a time, with the matching total.';
revoke all on function public.practitioner_appointment_list(public.appointment_list_filter, text, uuid, int, int) from public, anon;
grant execute on function public.practitioner_appointment_list(public.appointment_list_filter, text, uuid, int, int) to authenticated;
