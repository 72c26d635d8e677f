// Suggestions of the "profession, specialty or name" field: professions and specialties from the
// reference tables (read once, matched here without accents or case), and practitioners' names
// from the search itself (a few, debounced; latest answer wins).
import { computed, ref, shallowRef, type Ref } from 'vue';
import { listSearchTerms, searchPractitioners, type CarebookClient, type SearchTerm } from '@carebook/data';

export const NAME_DEBOUNCE_MS = 250;

export type WhatSuggestion =
  | { kind: 'profession' | 'specialty'; code: string; professionCode: string; label: string }
  | { kind: 'practitioner'; slug: string; label: string; detail: string };

/** Lower case without accents: "Kiné" matches "kine". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function matchTerms(
  terms: readonly SearchTerm[],
  text: string,
  locale: string,
  max = 6,
): WhatSuggestion[] {
  const q = fold(text);
  if (!q) return [];
  const lang = locale === 'en' ? 'en' : 'fr';
  return (
    terms
      .map((t) => ({ t, name: fold(t.name[lang]) }))
      .filter(({ name }) => name.includes(q))
      // Words that start with what was typed first, then professions before specialties.
      .sort(
        (a, b) =>
          Number(!a.name.split(/\s+/).some((w) => w.startsWith(q))) -
            Number(!b.name.split(/\s+/).some((w) => w.startsWith(q))) ||
          Number(a.t.kind !== 'profession') - Number(b.t.kind !== 'profession') ||
          a.name.localeCompare(b.name),
      )
      .slice(0, max)
      .map(({ t }) => ({ kind: t.kind, code: t.code, professionCode: t.professionCode, label: t.name[lang] }))
  );
}

export function useWhatSuggestions(client: CarebookClient, locale: Readonly<Ref<string>>) {
  const terms = shallowRef<SearchTerm[]>([]);
  const names = shallowRef<WhatSuggestion[]>([]);
  const text = ref('');
  let termsLoaded: Promise<void> | null = null;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function loadTerms(): Promise<void> {
    termsLoaded ??= listSearchTerms(client).then((r) => {
      if (r.ok) terms.value = r.data;
      else termsLoaded = null; // asked again on the next keystroke
    });
    return termsLoaded;
  }

  const suggestions = computed<WhatSuggestion[]>(() => [
    ...matchTerms(terms.value, text.value, locale.value),
    ...names.value,
  ]);

  function type(value: string): Promise<void> {
    text.value = value;
    clearTimeout(timer);
    const call = ++latest;
    if (value.trim().length < 2) {
      names.value = [];
      return loadTerms();
    }
    const lang = locale.value === 'en' ? 'en' : 'fr';
    return Promise.all([
      loadTerms(),
      new Promise<void>((resolve) => {
        timer = setTimeout(async () => {
          const result = await searchPractitioners(client, { text: value, limit: 8 });
          if (call === latest) {
            // The search also matches professions and specialties: keep the hits named so.
            const words = fold(value).split(/\s+/);
            names.value = result.ok
              ? result.data
                  .filter((h) => words.every((w) => fold(h.displayName).includes(w)))
                  .map((h) => ({
                    kind: 'practitioner' as const,
                    slug: h.slug,
                    label: h.displayName,
                    detail: h.professionName[lang],
                  }))
                  .slice(0, 4)
              : [];
          }
          resolve();
        }, NAME_DEBOUNCE_MS);
      }),
    ]).then(() => undefined);
  }

  /** The name of a profession code in the current language (the field shows it when one was picked). */
  const professionName = (code: string) =>
    terms.value.find((t) => t.kind === 'profession' && t.code === code)?.name[
      locale.value === 'en' ? 'en' : 'fr'
    ] ?? null;

  return { suggestions, type, loadTerms, professionName };
}
