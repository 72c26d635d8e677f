-- Site content (about, terms, help) that staff edit without a deploy, per locale.

create table public.content_pages (
  id uuid primary key default gen_random_uuid(),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  locale text not null check (locale in ('fr', 'en')),
  title text not null check (char_length(title) between 1 and 200),
  body_md text not null default '' check (char_length(body_md) <= 100000),
  published boolean not null default false,
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (slug, locale)
);
comment on table public.content_pages is 'Markdown pages of the public site, per locale; staff edit, everybody reads published ones.';
create index content_pages_updated_by_idx on public.content_pages (updated_by);

create function private.stamp_content_editor() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_by := coalesce((select auth.uid()), new.updated_by);
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.stamp_content_editor() is 'Records which staff member last edited a page.';

create trigger content_pages_stamp before insert or update on public.content_pages
  for each row execute function private.stamp_content_editor();

alter table public.content_pages enable row level security;
revoke all on public.content_pages from anon, authenticated;
grant select on public.content_pages to anon;
grant select, insert, update, delete on public.content_pages to authenticated;
grant all on public.content_pages to service_role;

create policy "anyone reads published pages" on public.content_pages
  for select to anon, authenticated using (published);
create policy "staff read every page" on public.content_pages for select to authenticated using ((select private.is_staff()));
create policy "staff add pages" on public.content_pages for insert to authenticated with check ((select private.is_staff()));
create policy "staff edit pages" on public.content_pages for update to authenticated
  using ((select private.is_staff())) with check ((select private.is_staff()));
create policy "staff remove pages" on public.content_pages for delete to authenticated using ((select private.is_staff()));
