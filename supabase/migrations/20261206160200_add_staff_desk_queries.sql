-- What the staff desk lists: practitioners (the verification queue and the directory, searched
-- and paginated here rather than in the browser) and the counts on the desk's home. Both run as
-- the caller under RLS and refuse anyone who is not staff outright (staff_only), so that a patient
-- or practitioner learns nothing, not even an empty page.
set local lock_timeout = '5s';

create function public.staff_practitioners(
  p_text text default null,
  p_status public.verification_status default null,
  p_profession text default null,
  p_queue boolean default false,
  p_limit int default 25,
  p_offset int default 0
)
returns table (
  id uuid, slug text, display_name text, profession_code text, registration_number text,
  verification_status public.verification_status, status_reason text, submitted_at timestamptz,
  verified_at timestamptz, published boolean, email text, subscription_status public.subscription_status,
  total_count bigint
)
language plpgsql stable security invoker set search_path = ''
as $$
declare
  needle text := nullif(private.normalize_text(trim(coalesce(p_text, ''))), '');
begin
  if not (select private.is_staff()) then
    raise exception 'Only staff can list practitioners' using errcode = 'PT403', detail = 'staff_only';
  end if;
  if p_limit is null or p_limit not between 1 and 100 or p_offset is null or p_offset not between 0 and 100000 then
    raise exception 'p_limit is 1 to 100, p_offset 0 to 100000' using errcode = 'PT400', detail = 'out_of_range';
  end if;
  if char_length(p_text) > 200 then
    raise exception 'Search text has at most 200 characters' using errcode = 'PT400', detail = 'text_too_long';
  end if;
  return query
    with found as (
      select p.id, p.slug, p.display_name, p.profession_code, p.registration_number, p.verification_status,
             p.status_reason, p.submitted_at, p.verified_at, p.published, pr.email,
             (select s.status from public.subscriptions s where s.practitioner_id = p.id
               order by s.updated_at desc limit 1) as subscription_status
        from public.practitioners p
        join public.profiles pr on pr.id = p.id
       where (p_status is null or p.verification_status = p_status)
         and (p_profession is null or p.profession_code = p_profession)
         and (needle is null
              or p.search_text like '%' || needle || '%'
              or p.slug like '%' || needle || '%'
              or p.registration_number = trim(p_text)
              or lower(pr.email) like '%' || lower(trim(p_text)) || '%')
    )
    select f.*, count(*) over () as total_count
      from found f
     -- The queue: submitted profiles first, the longest waiting first; the directory: by name.
     order by case when p_queue and f.verification_status = 'submitted' then 0 else 1 end,
              case when p_queue then f.submitted_at end asc nulls last,
              f.display_name, f.id
     limit p_limit offset p_offset;
end;
$$;
comment on function public.staff_practitioners(text, public.verification_status, text, boolean, int, int) is
  'Staff desk: practitioners with state, subscription and published flag, filtered, searched and paginated; staff only.';
revoke all on function public.staff_practitioners(text, public.verification_status, text, boolean, int, int) from public, anon;
grant execute on function public.staff_practitioners(text, public.verification_status, text, boolean, int, int)
  to authenticated, service_role;

create function public.staff_desk_counts() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if not (select private.is_staff()) then
    raise exception 'Only staff can read the desk' using errcode = 'PT403', detail = 'staff_only';
  end if;
  return jsonb_build_object(
    'verification', (select coalesce(jsonb_object_agg(x.verification_status, x.n), '{}'::jsonb)
                       from (select p.verification_status, count(*) as n from public.practitioners p group by 1) x),
    'oldest_submitted_at', (select min(p.submitted_at) from public.practitioners p where p.verification_status = 'submitted'),
    'dead_deliveries', (select count(*) from public.deliveries d where d.status = 'dead'),
    -- Still pending, but the last attempt failed: the next ones may fail too.
    'failing_deliveries', (select count(*) from public.deliveries d where d.status = 'pending' and d.last_error is not null),
    'failed_payments', (select count(*) from public.payments p where p.status = 'failed'),
    'failed_refunds', (select count(*) from public.payments p where p.status = 'refund_failed'),
    'subscriptions_in_trouble', (select count(*) from public.subscriptions s
                                  where s.status in ('past_due', 'unpaid', 'incomplete', 'incomplete_expired'))
  );
end;
$$;
comment on function public.staff_desk_counts() is
  'Staff desk home: profiles per verification state and the failures to look at (deliveries, payments, subscriptions); staff only.';
revoke all on function public.staff_desk_counts() from public, anon;
grant execute on function public.staff_desk_counts() to authenticated, service_role;
