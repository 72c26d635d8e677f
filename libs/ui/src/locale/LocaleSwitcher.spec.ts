import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import LocaleSwitcher from './LocaleSwitcher.vue';
import { LOCALE_STORAGE_KEY, storedLocale } from './use-locale.ts';
import { testPlugins } from '../testing/plugins.ts';

afterEach(() => localStorage.clear());

describe('LocaleSwitcher', () => {
  it('switches the language, marks the choice and remembers it on this device', async () => {
    const { plugins, i18n } = testPlugins('fr');
    const wrapper = mount(LocaleSwitcher, { global: { plugins } });
    expect(wrapper.get('[role="group"]').attributes('aria-label')).toBe('Langue');
    expect(wrapper.get('button[aria-label="FR – Français"]').attributes('aria-pressed')).toBe('true');

    await wrapper.get('button[aria-label="EN – English"]').trigger('click');

    expect(i18n.global.locale.value).toBe('en');
    expect(wrapper.get('[role="group"]').attributes('aria-label')).toBe('Language');
    expect(wrapper.get('button[aria-label="EN – English"]').attributes('aria-pressed')).toBe('true');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('storedLocale', () => {
  it('starts in French unless this device chose English', () => {
    expect(storedLocale(localStorage)).toBe('fr');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    expect(storedLocale(localStorage)).toBe('en');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'klingon');
    expect(storedLocale(localStorage)).toBe('fr');
    expect(storedLocale(undefined)).toBe('fr');
  });
});
