import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import type { Locale } from '@carebook/domain';
import ChoosePasswordForm from './ChoosePasswordForm.vue';
import { testPlugins } from '../testing/plugins.ts';
import { provideCarebookClient } from '../app/carebook-client.ts';
import { fakeAuthClient } from '../testing/fake-auth.ts';

function mountForm(locale: Locale) {
  return mount(ChoosePasswordForm, {
    props: { email: 'zoe.martin@example.fr', fullName: 'Zoé Martin' },
    global: {
      plugins: [
        ...testPlugins(locale).plugins,
        { install: (app) => provideCarebookClient(app, fakeAuthClient().client) },
      ],
    },
    attachTo: document.body,
  });
}

async function submit(wrapper: ReturnType<typeof mountForm>, password: string): Promise<string> {
  await wrapper.find('input[name="new-password"]').setValue(password);
  await wrapper.find('form').trigger('submit');
  // The dictionary check loads lazily: let it settle.
  await new Promise((r) => setTimeout(r, 1500));
  await flushPromises();
  return wrapper.text();
}

describe('ChoosePasswordForm', () => {
  it('says why a password would be refused before sending it, in French and English', async () => {
    const fr = mountForm('fr');
    expect(await submit(fr, 'abc123')).toContain('Le mot de passe doit contenir au moins 8 caractères.');
    expect(await submit(fr, '12345678')).toContain(
      'Ce mot de passe est trop courant ou trop facile à deviner.',
    );
    const en = mountForm('en');
    expect(await submit(en, 'zoemartin')).toContain('This password is too common or easy to guess.');
    expect(fr.emitted('done')).toBeUndefined();
    expect(en.emitted('done')).toBeUndefined();
  }, 20_000);
});
