-- Staff can now withdraw a care type from the request form (active = false) on their board. The
-- first policy hid inactive rows from everyone but staff, so a patient's past request, an offer or
-- a practitioner's rounds would lose their care's name once it was withdrawn. A catalogue name is
-- not private: everyone reads every row; the apps list active ones for new requests, and
-- request_home_care still refuses an inactive care type.
set local lock_timeout = '5s';
drop policy "anyone reads active care types" on public.care_types;
drop policy "staff read every care type" on public.care_types;
create policy "anyone reads care types" on public.care_types
  for select to anon, authenticated using (true);
