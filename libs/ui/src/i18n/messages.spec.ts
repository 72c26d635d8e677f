import { describe, expect, it } from 'vitest';
import { fr } from './messages-fr.ts';
import { en } from './messages-en.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

// The only texts with plural forms (separated by a pipe), and how many forms each has.
const PLURALS: Record<string, number> = {
  'notifications.unreadCount': 3,
  'myAppointments.upcomingCount': 3,
  'search.count': 3,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('shared messages', () => {
  const frLeaves = leaves(fr);
  const enLeaves = leaves(en);

  it('have the same keys in French and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...frLeaves.keys()].sort());
  });

  it('have no empty text', () => {
    for (const [key, text] of [...frLeaves, ...enLeaves]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of frLeaves)
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('contain no character vue-i18n would read as syntax', () => {
    // A bare at-sign starts a linked message and a pipe separates plural forms.
    for (const [key, text] of [...frLeaves, ...enLeaves])
      expect(PLURALS[key] ? text.replaceAll(' | ', '') : text, key).not.toMatch(/[@|]/);
  });

  it('give each plural text its forms in both languages', () => {
    for (const [key, forms] of Object.entries(PLURALS)) {
      expect(frLeaves.get(key)?.split(' | '), key).toHaveLength(forms);
      expect(enLeaves.get(key)?.split(' | '), key).toHaveLength(forms);
    }
  });
});
