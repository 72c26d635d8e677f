import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { Locale } from '@carebook/domain';
import NotificationPreferenceGrid from './NotificationPreferenceGrid.vue';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CHANNELS,
  type NotificationSettingView,
} from './notification-setting.ts';
import { testPlugins } from '../testing/plugins.ts';

// The defaults of the contract: booking e-mail and in-app required, SMS on except for account.
const settings: NotificationSettingView[] = NOTIFICATION_CATEGORIES.flatMap((category) =>
  NOTIFICATION_CHANNELS.map((channel) => ({
    category,
    channel,
    enabled: !(category === 'account' && channel === 'sms'),
    required: category === 'booking' && channel !== 'sms',
  })),
);

function mountGrid(props: { hasPhone: boolean; errorText?: string }, locale: Locale = 'fr') {
  return mount(NotificationPreferenceGrid, {
    props: { settings, ...props },
    global: { plugins: testPlugins(locale).plugins },
  });
}

const toggle = (w: ReturnType<typeof mountGrid>, category: string, channel: string) =>
  w.get(`[data-testid="pref-${category}-${channel}"]`);

describe('NotificationPreferenceGrid', () => {
  it('shows required pairs on and locked, with why', () => {
    const w = mountGrid({ hasPhone: true });
    const email = toggle(w, 'booking', 'email');
    expect(email.attributes('aria-checked')).toBe('true');
    expect(email.attributes('aria-disabled')).toBe('true');
    expect(email.attributes('aria-label')).toBe('Réservations par E-mail');
    expect(w.get(`#${email.attributes('aria-describedby')}`).text()).toContain(
      'Indispensable pour vos réservations',
    );
    expect(toggle(w, 'reminders', 'email').attributes('aria-disabled')).toBeUndefined();
  });

  it('locks SMS, shown off, while there is no phone number, and says so', () => {
    const w = mountGrid({ hasPhone: false }, 'en');
    const sms = toggle(w, 'reminders', 'sms');
    expect(sms.attributes('aria-checked')).toBe('false');
    expect(sms.attributes('aria-disabled')).toBe('true');
    expect(w.get(`#${sms.attributes('aria-describedby')}`).text()).toContain(
      'Add a phone number to get SMS.',
    );
    expect(mountGrid({ hasPhone: true }).find('#pref-sms-needs-phone').exists()).toBe(false);
  });

  it('emits each change', async () => {
    const w = mountGrid({ hasPhone: true });
    await toggle(w, 'reminders', 'sms').trigger('click');
    await toggle(w, 'account', 'sms').trigger('click');
    expect(w.emitted('change')).toEqual([
      ['reminders', 'sms', false],
      ['account', 'sms', true],
    ]);
  });

  it('says a failed save with its reason', () => {
    const w = mountGrid({ hasPhone: true, errorText: 'Le service est injoignable.' });
    expect(w.get('[role="alert"]').text()).toBe(
      'Ce choix n’a pas été enregistré. Le service est injoignable.',
    );
  });
});
