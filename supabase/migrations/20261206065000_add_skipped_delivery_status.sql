-- A delivery that must no longer go (a reminder of a time the appointment no longer has) ends as
-- skipped, not dead: nothing failed, so staff's failure views stay quiet about it. On its own
-- migration: a new enum value can be used only once the transaction that adds it has committed.
set local lock_timeout = '5s';
alter type public.delivery_status add value if not exists 'skipped' after 'sent';
