-- A practitioner's public profile and its verification. Nobody sees a practitioner until staff
-- have verified them and they subscribe (`published`, kept by triggers). Who may move the
-- verification state, and where to, is enforced here whatever path the change takes.

create function private.is_valid_registration(p_registry text, p_number text) returns boolean
language plpgsql immutable set search_path = ''
as $$
declare
  total int := 0;
  digit int;
begin
  if p_registry = 'none' then
    return true;
  elsif p_registry = 'adeli' then
    return p_number ~ '^[0-9]{9}$';
  elsif p_registry = 'rpps' then
    if p_number !~ '^[0-9]{11}$' then
      return false;
    end if;
    -- Luhn: the 11th digit is the check digit of the first ten.
    for i in 1..11 loop
      digit := substr(p_number, 12 - i, 1)::int;
      if i % 2 = 0 then
        digit := digit * 2;
        if digit > 9 then digit := digit - 9; end if;
      end if;
      total := total + digit;
    end loop;
    return total % 10 = 0;
  end if;
  return false;
end;
$$;
comment on function private.is_valid_registration(text, text) is
  'RPPS: 11 digits whose last is a Luhn check digit; ADELI: 9 digits; none: anything. Mirrors libs/domain.';

create table public.practitioners (
  id uuid primary key references public.profiles (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) between 3 and 80),
  display_name text not null check (char_length(display_name) between 2 and 120),
  profession_code text not null references public.professions (code) on update cascade,
  bio_fr text check (char_length(bio_fr) <= 4000),
  bio_en text check (char_length(bio_en) <= 4000),
  languages text[] not null default '{fr}'
    check (cardinality(languages) between 1 and 10 and array_to_string(languages, ',') ~ '^[a-z]{2}(,[a-z]{2})*$'),
  photo_path text check (char_length(photo_path) <= 300),
  registration_number text check (registration_number ~ '^[0-9]{9,11}$'),
  place_id text check (char_length(place_id) <= 300),
  formatted_address text check (char_length(formatted_address) <= 300),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  modes text[] not null default '{video}'
    check (cardinality(modes) between 1 and 3 and modes <@ array['video', 'in_person', 'at_home']),
  time_zone text not null default 'Europe/Paris',
  verification_status text not null default 'draft'
    check (verification_status in ('draft', 'submitted', 'verified', 'rejected', 'suspended')),
  status_reason text check (char_length(status_reason) <= 2000),
  submitted_at timestamptz,
  verified_at timestamptz,
  published boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((latitude is null) = (longitude is null)),
  check ((verification_status in ('rejected', 'suspended')) = (status_reason is not null)),
  check (not published or verification_status = 'verified')
);
comment on table public.practitioners is
  'Practitioner profiles (1:1 with a practitioner''s profile) and their verification state; public only when published.';
comment on column public.practitioners.published is
  'verified AND an active or trialing subscription; maintained by triggers, never written by clients.';
create index practitioners_profession_idx on public.practitioners (profession_code);
create index practitioners_submitted_idx on public.practitioners (submitted_at) where verification_status = 'submitted';

create table public.practitioner_specialties (
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  specialty_id uuid not null references public.specialties (id) on delete cascade,
  primary key (practitioner_id, specialty_id)
);
comment on table public.practitioner_specialties is 'Which specialties (of their own profession) a practitioner offers.';
create index practitioner_specialties_specialty_idx on public.practitioner_specialties (specialty_id);

-- Legal moves and who may make them. Anything else is refused, whatever the path.
create function private.verification_move_allowed(p_from text, p_to text) returns text
language sql immutable set search_path = ''
as $$
  select case
    when p_from = 'draft' and p_to = 'submitted' then 'owner'
    when p_from = 'rejected' and p_to = 'submitted' then 'owner'
    when p_from = 'submitted' and p_to in ('verified', 'rejected') then 'staff'
    when p_from = 'verified' and p_to = 'suspended' then 'staff'
    when p_from = 'suspended' and p_to = 'verified' then 'staff'
    else null
  end;
$$;
comment on function private.verification_move_allowed(text, text) is
  'Who (owner or staff) may move a verification from one state to another; null when the move is illegal.';

create function private.is_valid_time_zone(p_name text) returns boolean
language plpgsql stable set search_path = ''
as $$
begin
  -- IANA names only (Area/Location, or UTC): abbreviations such as CET and POSIX offsets such as
  -- UTC+3, which Postgres would also accept, mean nothing to the apps' date libraries.
  if p_name is null or p_name !~ '^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$' then
    return false;
  end if;
  -- Asking Postgres to convert is fast (cached); scanning pg_timezone_names costs ~10 ms a row.
  perform now() at time zone p_name;
  return true;
exception when invalid_parameter_value then
  return false;
end;
$$;
comment on function private.is_valid_time_zone(text) is
  'Whether a name is an IANA time zone this server knows, e.g. Europe/Paris (not CET, not UTC+3).';

create function private.check_practitioner() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  registry text;
  mover text;
  caller_role text := coalesce((select auth.role()), 'postgres');
  system_call boolean := caller_role not in ('anon', 'authenticated');
begin
  -- Checked only when they change, so that status and subscription updates (and bulk loads) stay cheap.
  if (tg_op = 'INSERT' or new.time_zone is distinct from old.time_zone) and not private.is_valid_time_zone(new.time_zone) then
    raise exception 'Unknown time zone "%"', new.time_zone
      using errcode = 'PT400', hint = 'Use an IANA name such as Europe/Paris.';
  end if;

  select p.registry into registry from public.professions p where p.code = new.profession_code;
  -- An unknown profession (registry null) is left to the foreign key, which names the problem.
  -- Also at submission: staff may have changed the profession's registry since the number was typed.
  if registry is not null and new.registration_number is not null
     and (tg_op = 'INSERT' or new.registration_number is distinct from old.registration_number
          or new.profession_code is distinct from old.profession_code
          or (new.verification_status = 'submitted' and old.verification_status is distinct from 'submitted'))
     and not private.is_valid_registration(registry, new.registration_number) then
    raise exception 'Invalid % registration number "%"', upper(registry), new.registration_number
      using errcode = 'PT400',
            hint = case registry when 'rpps' then 'An RPPS number has 11 digits, the last being a check digit.'
                                 else 'An ADELI number has 9 digits.' end;
  end if;

  if tg_op = 'INSERT' then
    if not system_call and new.verification_status <> 'draft' then
      raise exception 'A new practitioner profile starts as a draft' using errcode = 'PT409';
    end if;
    -- System loads (seeding, imports) may insert verified profiles whose subscription exists already.
    new.published := new.verification_status = 'verified' and private.has_active_subscription(new.id);
    return new;
  end if;

  if new.verification_status is distinct from old.verification_status then
    mover := private.verification_move_allowed(old.verification_status, new.verification_status);
    if mover is null then
      raise exception 'A % profile cannot become %', old.verification_status, new.verification_status
        using errcode = 'PT409',
              hint = 'Legal moves: draft or rejected -> submitted (owner); submitted -> verified or rejected, verified -> suspended, suspended -> verified (staff).';
    end if;
    if not system_call then
      if mover = 'staff' and not (select private.is_staff()) then
        raise exception 'Only staff can move a profile from % to %', old.verification_status, new.verification_status
          using errcode = 'PT403';
      elsif mover = 'staff' and new.id = (select auth.uid()) then
        raise exception 'Staff cannot review their own profile' using errcode = 'PT403',
          hint = 'Another staff member must decide.';
      elsif mover = 'owner' and new.id is distinct from (select auth.uid()) then
        raise exception 'Only the practitioner can submit their profile' using errcode = 'PT403';
      end if;
    end if;
    if new.verification_status = 'submitted' then
      if registry <> 'none' and new.registration_number is null then
        raise exception 'A % registration number is required before submitting', upper(registry) using errcode = 'PT400';
      end if;
      new.submitted_at := now();
      new.status_reason := null;
    elsif new.verification_status = 'verified' then
      new.verified_at := coalesce(old.verified_at, now());
      new.status_reason := null;
    elsif new.verification_status in ('rejected', 'suspended') and coalesce(trim(new.status_reason), '') = '' then
      raise exception 'A reason is required to % a profile', case new.verification_status when 'rejected' then 'reject' else 'suspend' end
        using errcode = 'PT400';
    end if;
  elsif not system_call and (new.status_reason is distinct from old.status_reason
        or new.submitted_at is distinct from old.submitted_at or new.verified_at is distinct from old.verified_at) then
    raise exception 'Verification fields change only with the verification state' using errcode = 'PT403';
  end if;

  -- What staff checked cannot change behind their back.
  if not system_call and old.verification_status in ('submitted', 'verified', 'suspended')
     and (new.registration_number is distinct from old.registration_number or new.profession_code is distinct from old.profession_code) then
    raise exception 'The profession and registration number cannot change once submitted'
      using errcode = 'PT409', hint = 'Ask staff to reject the profile, then edit and submit it again.';
  end if;

  new.published := new.verification_status = 'verified' and private.has_active_subscription(new.id);
  return new;
end;
$$;
comment on function private.check_practitioner() is
  'Validates time zone and registration number, enforces who may move the verification state, keeps published.';

create trigger practitioners_check before insert or update on public.practitioners
  for each row execute function private.check_practitioner();
create trigger practitioners_touch_updated_at before update on public.practitioners
  for each row execute function private.touch_updated_at();

create function private.record_verification_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.audit('verification_changed', 'practitioners', new.id::text,
    jsonb_build_object('verification_status', old.verification_status),
    jsonb_build_object('verification_status', new.verification_status, 'status_reason', new.status_reason));
  perform private.enqueue('practitioner.verification.' || new.verification_status,
    jsonb_build_object('practitioner_id', new.id, 'from', old.verification_status, 'to', new.verification_status,
                       'reason', new.status_reason, 'at', now()),
    'verification:' || new.id || ':' || new.verification_status || ':' || extract(epoch from now())::text);
  return null;
end;
$$;
comment on function private.record_verification_change() is
  'Writes the audit row and the outbox message of a verification change in the same transaction.';

create trigger practitioners_record_verification after update of verification_status on public.practitioners
  for each row when (old.verification_status is distinct from new.verification_status)
  execute function private.record_verification_change();

-- A subscription change can publish or unpublish a practitioner.
create function private.refresh_published() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.practitioners p
     set published = p.verification_status = 'verified' and private.has_active_subscription(p.id)
   where p.id in (coalesce(new.practitioner_id, old.practitioner_id), coalesce(old.practitioner_id, new.practitioner_id));
  return null;
end;
$$;
comment on function private.refresh_published() is 'Keeps practitioners.published right when subscriptions change.';

create trigger subscriptions_refresh_published after insert or update or delete on public.subscriptions
  for each row execute function private.refresh_published();

create function private.check_practitioner_specialty() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.practitioners p join public.specialties s on s.profession_code = p.profession_code
     where p.id = new.practitioner_id and s.id = new.specialty_id
  ) then
    raise exception 'This specialty belongs to another profession' using errcode = 'PT400';
  end if;
  return new;
end;
$$;
comment on function private.check_practitioner_specialty() is 'A practitioner offers only specialties of their own profession.';

create trigger practitioner_specialties_check before insert or update on public.practitioner_specialties
  for each row execute function private.check_practitioner_specialty();

alter table public.practitioners enable row level security;
alter table public.practitioner_specialties enable row level security;

revoke all on public.practitioners, public.practitioner_specialties from anon, authenticated;
grant select on public.practitioners, public.practitioner_specialties to anon, authenticated;
grant insert (id, slug, display_name, profession_code, bio_fr, bio_en, languages, photo_path, registration_number,
              place_id, formatted_address, latitude, longitude, modes, time_zone)
  on public.practitioners to authenticated;
grant update (slug, display_name, profession_code, bio_fr, bio_en, languages, photo_path, registration_number,
              place_id, formatted_address, latitude, longitude, modes, time_zone, verification_status)
  on public.practitioners to authenticated;
grant insert, delete on public.practitioner_specialties to authenticated;
grant all on public.practitioners, public.practitioner_specialties to service_role;

create policy "anyone reads published practitioners" on public.practitioners
  for select to anon, authenticated using (published);
create policy "practitioners read their own profile" on public.practitioners
  for select to authenticated using (id = (select auth.uid()));
create policy "staff read every practitioner" on public.practitioners
  for select to authenticated using ((select private.is_staff()));
create policy "practitioners create their own profile" on public.practitioners
  for insert to authenticated with check (
    id = (select auth.uid())
    and exists (select 1 from public.profiles pr where pr.id = (select auth.uid()) and pr.role = 'practitioner')
  );
create policy "practitioners edit their own profile" on public.practitioners
  for update to authenticated using (id = (select auth.uid())) with check (id = (select auth.uid()));

create policy "anyone reads specialties of published practitioners" on public.practitioner_specialties
  for select to anon, authenticated
  using (exists (select 1 from public.practitioners p where p.id = practitioner_id and p.published));
create policy "practitioners read their own specialties" on public.practitioner_specialties
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "staff read every practitioner's specialties" on public.practitioner_specialties
  for select to authenticated using ((select private.is_staff()));
create policy "practitioners add their own specialties" on public.practitioner_specialties
  for insert to authenticated with check (practitioner_id = (select auth.uid()));
create policy "practitioners remove their own specialties" on public.practitioner_specialties
  for delete to authenticated using (practitioner_id = (select auth.uid()));
