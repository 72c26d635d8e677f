// The page's counts read right in French and English: "Aucun praticien", "1 praticien",
// "2 praticiens" (French plural rules, not vue-i18n's English default).
import { describe, expect, it } from 'vitest';
import { createCarebookI18n } from '@carebook/shell';
import { bookingMessages } from '../../i18n/messages.ts';

describe('search texts', () => {
  it('count practitioners with each language’s plural forms', () => {
    const i18n = createCarebookI18n('fr', bookingMessages);
    const t = (n: number) => i18n.global.t('search.count', n, { named: { count: n } });
    expect([0, 1, 2, 20].map(t)).toEqual(['Aucun praticien', '1 praticien', '2 praticiens', '20 praticiens']);
    i18n.global.locale.value = 'en';
    expect([0, 1, 2].map(t)).toEqual(['No practitioners', '1 practitioner', '2 practitioners']);
    expect(i18n.global.t('search.countMore', { count: 20 })).toBe('More than 20 practitioners');
  });
});
