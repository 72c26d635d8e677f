-- Every video appointment has a link (issue 15): the Google Meet link of its calendar event when
-- the practitioner's Google Calendar is connected (set by google-sync after the push), else an
-- unguessable Jitsi Meet room given the moment it is confirmed, whichever path confirmed it
-- (free booking, Stripe's webhook, staff). And a change made to our event inside Google (moved,
-- deleted) flags the appointment instead of moving or cancelling it.
set local lock_timeout = '5s';

alter table public.appointments
  add column video_url text check (video_url ~ '^https://\S+$' and char_length(video_url) <= 2000),
  add column needs_attention text check (needs_attention in ('moved_in_google', 'deleted_in_google')),
  add column needs_attention_at timestamptz;
-- Checked on every write from now on; existing rows have both columns null, so nothing is left
-- to validate (and no scan holds bookings up).
alter table public.appointments
  add constraint appointments_attention_dated check ((needs_attention is null) = (needs_attention_at is null)) not valid;
comment on column public.appointments.video_url is
  'Where the video call takes place: the Meet link of the Google event, or a Jitsi Meet room. Read by the patient and the practitioner.';
comment on column public.appointments.needs_attention is
  'Set when the appointment''s event was moved or deleted in Google Calendar: the practitioner decides, nothing moves by itself.';

-- 2 x 122 random bits: a room nobody can guess (Jitsi rooms are open to whoever knows the name).
create function private.new_jitsi_room() returns text
language sql volatile set search_path = ''
as $$
  select 'https://meet.jit.si/carebook-' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
$$;
comment on function private.new_jitsi_room() is 'An unguessable Jitsi Meet room URL, for video appointments without a Google Meet link.';
revoke all on function private.new_jitsi_room() from public;

-- Whether bookings of this practitioner go to Google (and get a Meet link from there).
create function private.pushes_to_google(p_practitioner_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from private.google_connections c
                  where c.practitioner_id = p_practitioner_id and c.status = 'active' and c.booking_calendar_id is not null);
$$;
comment on function private.pushes_to_google(uuid) is 'True when the practitioner''s bookings are pushed to an active Google connection.';
revoke all on function private.pushes_to_google(uuid) from public;

create function private.give_video_link() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.mode = 'video' and new.status = 'confirmed' and new.video_url is null
     and not private.pushes_to_google(new.practitioner_id) then
    new.video_url := private.new_jitsi_room();
  end if;
  -- Moving or cancelling the appointment in Carebook is the practitioner's answer to the flag.
  if tg_op = 'UPDATE' and new.needs_attention is not null
     and (new.starts_at is distinct from old.starts_at or new.status in ('cancelled', 'completed', 'no_show')) then
    new.needs_attention := null;
    new.needs_attention_at := null;
  end if;
  return new;
end;
$$;
comment on function private.give_video_link() is
  'Gives a confirmed video appointment a Jitsi room unless Google will give it a Meet link; clears the Google flag once acted on.';
revoke all on function private.give_video_link() from public;

create trigger appointments_give_video_link before insert or update on public.appointments
  for each row execute function private.give_video_link();

-- Appointments confirmed before this change get their room now (a few rows: one statement).
update public.appointments a set video_url = private.new_jitsi_room()
 where a.mode = 'video' and a.status = 'confirmed' and a.video_url is null;
