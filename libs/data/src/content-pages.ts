// Content pages of the public site (help, terms, privacy, about...), per locale, in Markdown.
// Everybody reads published pages; staff read drafts and write (RLS). Rendering is the apps'
// (libs/ui renderMarkdown, sanitised).
import type { Locale } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { run, runMapped } from './query.ts';
import { ok, type Result } from './result.ts';

export interface ContentPage {
  id: string;
  slug: string;
  locale: Locale;
  title: string;
  bodyMd: string;
  published: boolean;
  updatedAt: string;
}

const COLUMNS = 'id, slug, locale, title, body_md, published, updated_at';

type Row = {
  id: string;
  slug: string;
  locale: Locale;
  title: string;
  body_md: string;
  published: boolean;
  updated_at: string;
};

const toPage = (r: Row): ContentPage => ({
  id: r.id,
  slug: r.slug,
  locale: r.locale,
  title: r.title,
  bodyMd: r.body_md,
  published: r.published,
  updatedAt: r.updated_at,
});

/** The slug rule of content_pages: lower-case words joined by hyphens, at most 80 characters. */
export const CONTENT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every page the caller may read (staff: drafts too), by slug then locale. */
export function listContentPages(client: CarebookClient): Promise<Result<ContentPage[]>> {
  return runMapped(
    client.from('content_pages').select(COLUMNS).order('slug').order('locale'),
    'content_pages',
    (rows) => rows.map(toPage),
  );
}

/** A published page in one locale; not_found when absent or still a draft (for non-staff). */
export function getContentPage(
  client: CarebookClient,
  slug: string,
  locale: Locale,
): Promise<Result<ContentPage>> {
  return runMapped(
    client.from('content_pages').select(COLUMNS).eq('slug', slug).eq('locale', locale).maybeSingle(),
    `content page ${slug}/${locale}`,
    toPage,
  );
}

export interface ContentPageInput {
  slug: string;
  locale: Locale;
  title: string;
  bodyMd: string;
  published: boolean;
}

/** Creates or updates the page of this slug and locale (staff only). */
export async function saveContentPage(
  client: CarebookClient,
  input: ContentPageInput,
): Promise<Result<ContentPage>> {
  const result = await run(
    client
      .from('content_pages')
      .upsert(
        {
          slug: input.slug,
          locale: input.locale,
          title: input.title.trim(),
          body_md: input.bodyMd,
          published: input.published,
        },
        { onConflict: 'slug,locale' },
      )
      .select(COLUMNS)
      .single(),
    'content page',
  );
  return result.ok ? ok(toPage(result.data)) : result;
}
