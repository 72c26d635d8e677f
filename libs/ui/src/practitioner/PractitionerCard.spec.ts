import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import { QBtn } from 'quasar';
import type { Locale } from '@carebook/domain';
import PractitionerCard from './PractitionerCard.vue';
import type { PractitionerCardView } from './practitioner-card-view.ts';
import { testPlugins } from '../testing/plugins.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const view: PractitionerCardView = {
  displayName: 'Élodie Marchand',
  profession: 'Psychologue',
  photoUrl: null,
  verified: true,
  distanceKm: 2.46,
  price: { minCents: 5000, maxCents: 8000, currency: 'EUR' },
  modes: ['video', 'in_person'],
  timeZone: 'Europe/Paris',
  profileTo: '/p/elodie-marchand',
  slots: [
    { startsAt: '2026-12-07T08:30:00.000Z', to: '/p/elodie-marchand?type=t1&slot=2026-12-07T08:30:00.000Z' },
    { startsAt: '2026-12-07T09:00:00.000Z', to: '/p/elodie-marchand?type=t1&slot=2026-12-07T09:00:00.000Z' },
  ],
};

// No router here (libs/ui imports none): links are checked by where they point.
function mountCard(v: PractitionerCardView, locale: Locale = 'fr') {
  return mount(PractitionerCard, {
    props: { practitioner: v },
    global: { plugins: testPlugins(locale).plugins, stubs: { RouterLink: RouterLinkStub } },
  });
}

describe('PractitionerCard', () => {
  it('shows who, how far, how much, and the next times in the practitioner’s zone, each a link to book it', async () => {
    const w = mountCard(view);
    expect(w.get('h3').text()).toBe('Élodie Marchand');
    expect(w.findAllComponents(RouterLinkStub).map((l) => l.props('to'))).toEqual([
      '/p/elodie-marchand',
      '/p/elodie-marchand',
    ]);
    expect(w.find('.q-avatar').text()).toBe('ÉM');
    const text = plain(w.text());
    expect(text).toContain('Vérifié');
    expect(text).toContain('à 2,5 km');
    expect(text).toMatch(/50\s?–\s?80 €/);
    const buttons = w.findAll('[data-testid="slot-button"]');
    expect(w.findAllComponents(QBtn).map((b) => b.props('to'))).toEqual(view.slots.map((s) => s.to));
    expect(buttons[0]!.text()).toContain('09:30');
    expect(text).toContain('Prochains créneaux · heure de Paris');
    // Its name holds the visible text (WCAG 2.5.3), with the verb and the zone for screen readers.
    expect(plain(buttons[0]!.text())).toBe('Réserver le lun. 7 déc. 09:30, heure de Paris');
  });

  it('uses the photo when there is one, says free and when nothing is open, in English too', async () => {
    const w = mountCard(
      {
        ...view,
        photoUrl: 'http://x/avatars/a.png',
        price: { minCents: 0, maxCents: 0, currency: 'EUR' },
        slots: [],
        distanceKm: null,
      },
      'en',
    );
    expect(w.get('.q-avatar img').attributes('src')).toBe('http://x/avatars/a.png');
    expect(w.text()).toContain('Free');
    expect(w.text()).toContain('No free time in the next two months');
    expect(w.text()).not.toContain('away');
  });
});
