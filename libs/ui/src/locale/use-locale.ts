// The interface language: French unless the person chose otherwise on this device.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { LOCALES, pickLocale, type Locale } from '@carebook/domain';

export const LOCALE_STORAGE_KEY = 'carebook.locale';

/** The locale to start with: the one stored on this device, else the default (French). */
export function storedLocale(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Locale {
  return pickLocale([storage?.getItem(LOCALE_STORAGE_KEY)]);
}

export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  const current = computed(() => locale.value as Locale);

  function setLocale(next: Locale): void {
    locale.value = next;
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
    // Screen readers and the browser's spell checker read the page language from <html lang>.
    if (typeof document !== 'undefined') document.documentElement.lang = next;
  }

  return { locale: current, locales: LOCALES, setLocale };
}
