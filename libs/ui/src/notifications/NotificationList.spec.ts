import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { Locale } from '@carebook/domain';
import NotificationList, { type NotificationListItem } from './NotificationList.vue';
import { testPlugins } from '../testing/plugins.ts';

const items: NotificationListItem[] = [
  {
    id: 'a',
    sentence: 'Rappel : votre rendez-vous a lieu demain.',
    detail: null,
    received: 'Reçue le 6 déc.',
    unread: true,
  },
  {
    id: 'b',
    sentence: 'Votre rendez-vous est annulé.',
    detail: 'Motif : Malade',
    received: 'Reçue le 5 déc.',
    unread: false,
  },
];

function mountList(props: Partial<InstanceType<typeof NotificationList>['$props']>, locale: Locale = 'fr') {
  return mount(NotificationList, {
    props: { items, unreadCount: 1, loading: false, ...props },
    global: { plugins: testPlugins(locale).plugins },
  });
}

describe('NotificationList', () => {
  it('lists the sentences; only unread ones are buttons, and activating one asks to open it', async () => {
    const wrapper = mountList({});
    const rows = wrapper.findAll('li');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('Non lue :');
    expect(rows[1]!.text()).toContain('Motif : Malade');
    expect(rows[1]!.find('button').exists()).toBe(false);
    await rows[0]!.get('button').trigger('click');
    expect(wrapper.emitted('open')).toEqual([['a']]);
    expect(wrapper.text()).toContain('1 notification non lue');
  });

  it('makes an item with a page a link: a plain click asks to follow it, a new-tab click marks it read', async () => {
    const linked = { ...items[0]!, to: '/home-care/offers/x.y' };
    const wrapper = mountList({ items: [linked, { ...items[1]!, to: '/home-care/r' }] });
    const [first, second] = wrapper.findAll('li a');
    expect(first!.attributes('href')).toBe('/home-care/offers/x.y');
    expect(second!.attributes('href')).toBe('/home-care/r');
    expect(wrapper.find('li button').exists()).toBe(false);
    await first!.trigger('click', { button: 0 });
    expect(wrapper.emitted('follow')).toEqual([[linked]]);
    await first!.trigger('click', { button: 0, ctrlKey: true });
    expect(wrapper.emitted('follow')).toHaveLength(1);
    expect(wrapper.emitted('open')).toEqual([['a']]);
    // A read item opened in a new tab has nothing to mark.
    await second!.trigger('click', { button: 0, metaKey: true });
    expect(wrapper.emitted('open')).toHaveLength(1);
  });

  it('marks all read on request, and not when nothing is unread', async () => {
    const wrapper = mountList({});
    const markAll = wrapper.findAll('button').find((b) => b.text().includes('Tout marquer comme lu'));
    await markAll!.trigger('click');
    expect(wrapper.emitted('markAll')).toHaveLength(1);
    const none = mountList({ unreadCount: 0, items: [items[1]!] }, 'en');
    const disabled = none.findAll('button').find((b) => b.text().includes('Mark all as read'));
    expect(disabled!.attributes('disabled')).toBeDefined();
    expect(none.text()).toContain('No unread notifications');
  });

  it('has loading, empty and error states', async () => {
    expect(
      mountList({ items: [], loading: true }).find('[role="status"][aria-label="Chargement…"]').exists(),
    ).toBe(true);
    expect(mountList({ items: [], unreadCount: 0 }, 'en').text()).toContain('No notifications yet');
    const failed = mountList({ items: [], errorText: 'Votre session a expiré.' });
    expect(failed.get('[role="alert"]').text()).toContain('Impossible de charger vos notifications.');
    expect(failed.get('[role="alert"]').text()).toContain('Votre session a expiré.');
    await failed
      .findAll('button')
      .find((b) => b.text() === 'Réessayer')!
      .trigger('click');
    expect(failed.emitted('retry')).toHaveLength(1);
  });

  it('offers a close button only when asked', async () => {
    expect(mountList({}).find('[aria-label="Fermer les notifications"]').exists()).toBe(false);
    const closable = mountList({ closable: true });
    await closable.get('[aria-label="Fermer les notifications"]').trigger('click');
    expect(closable.emitted('close')).toHaveLength(1);
  });
});
