-- Pre-registration takeover: anyone can sign up with someone else's address and a password of
-- their choosing. Until the address is confirmed nobody has proven they own the mailbox, so when
-- the owner later confirms it (sign-up link or code, magic link, recovery), a password set in the
-- meantime must not survive, nor any session opened with it. GoTrue keeps both, locally and on
-- hosted, so the rule lives here, as a trigger on auth.users (hosted lets `postgres` hang triggers
-- there, not create functions in schema auth). Decision 0009.

-- Creating the trigger and changing grants take brief table locks: fail fast rather than queue
-- every API query behind them.
set local lock_timeout = '5s';

create function private.forget_password_set_before_confirmation() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- Only accounts that were waiting for a confirmation e-mail: an account an admin created
  -- confirmed (or one confirmed at sign-up with confirmations off) never sent one, and its
  -- password was set by whoever created it.
  if old.confirmation_sent_at is null then
    return new;
  end if;
  new.encrypted_password := '';
  -- Sessions cascade to their refresh tokens. The confirmation's own session is created after
  -- this update, so the person who just proved the address is signed in.
  delete from auth.sessions s where s.user_id = new.id;
  return new;
end;
$$;
comment on function private.forget_password_set_before_confirmation() is
  'Clears a password (and ends sessions) set before the e-mail was confirmed: whoever chose it had not proven they own the address.';
revoke all on function private.forget_password_set_before_confirmation() from public;

create trigger on_auth_user_confirmed_forget_password before update of email_confirmed_at on auth.users
  for each row when (old.email_confirmed_at is null and new.email_confirmed_at is not null)
  execute function private.forget_password_set_before_confirmation();
