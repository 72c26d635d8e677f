import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import AuthForm from './AuthForm.vue';
import type { AuthMode } from './auth-form-values.ts';
import { testPlugins } from '../testing/plugins.ts';
import type { Locale } from '@carebook/domain';

function mountForm(
  props: { mode: AuthMode; loading?: boolean; errorMessage?: string | null },
  locale: Locale = 'fr',
) {
  return mount(AuthForm, {
    props,
    global: { plugins: testPlugins(locale).plugins },
    attachTo: document.body,
  });
}

async function fill(wrapper: ReturnType<typeof mountForm>, name: string, value: string) {
  await wrapper.find(`input[name="${name}"]`).setValue(value);
}

describe('AuthForm', () => {
  it('asks for a full name only on sign-up', () => {
    expect(mountForm({ mode: 'sign-in' }).find('input[name="full-name"]').exists()).toBe(false);
    expect(mountForm({ mode: 'sign-up' }).find('input[name="full-name"]').exists()).toBe(true);
  });

  it('labels every field, and asks for no password on sign-up (it is chosen after the link)', () => {
    expect(
      mountForm({ mode: 'sign-in' }, 'en')
        .findAll('.q-field__label')
        .map((l) => l.text()),
    ).toEqual(['Email address', 'Password']);
    const wrapper = mountForm({ mode: 'sign-up' }, 'en');
    const labels = wrapper.findAll('.q-field__label').map((l) => l.text());
    expect(labels).toEqual(['Full name', 'Email address']);
    // Quasar renders each field inside a <label>, which names the input for assistive tech.
    for (const input of wrapper.findAll('input')) expect(input.element.closest('label')).not.toBeNull();
  });

  it('shows the validation messages and does not submit an invalid form', async () => {
    const wrapper = mountForm({ mode: 'sign-up' });
    await fill(wrapper, 'email', 'not-an-email');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const text = wrapper.text();
    expect(text).toContain('Saisissez votre nom.');
    expect(text).toContain('Cette adresse e-mail ne semble pas valide.');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('emits cleaned values when the form is valid', async () => {
    const wrapper = mountForm({ mode: 'sign-up' });
    await fill(wrapper, 'full-name', '  Zoé   Martin ');
    await fill(wrapper, 'email', ' Zoe.Martin@Example.FR ');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('submit')).toEqual([[{ fullName: 'Zoé Martin', email: 'zoe.martin@example.fr' }]]);
  });

  it('lets an old short password through on sign-in: the server judges it', async () => {
    const wrapper = mountForm({ mode: 'sign-in' });
    await fill(wrapper, 'email', 'a@example.fr');
    await fill(wrapper, 'password', 'abc');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('submit')).toEqual([[{ email: 'a@example.fr', password: 'abc' }]]);
  });

  it('submits with Enter: the button is the form’s submit button', () => {
    const button = mountForm({ mode: 'sign-in' }).find('button[type="submit"]');
    expect(button.exists()).toBe(true);
    expect(button.text()).toBe('Se connecter');
  });

  it('shows a server error as an alert', () => {
    const wrapper = mountForm({ mode: 'sign-in', errorMessage: 'E-mail ou mot de passe incorrect.' });
    expect(wrapper.find('[role="alert"]').text()).toContain('E-mail ou mot de passe incorrect.');
  });

  it('submits on a click of its button', async () => {
    const wrapper = mountForm({ mode: 'sign-in' });
    await fill(wrapper, 'email', 'a@example.fr');
    await fill(wrapper, 'password', 'whatever');
    await wrapper.find('button[type="submit"]').trigger('click');
    await flushPromises();
    expect(wrapper.emitted('submit')).toHaveLength(1);
  });

  it('shows a spinner and ignores clicks while loading', async () => {
    const wrapper = mountForm({ mode: 'sign-in', loading: true });
    await fill(wrapper, 'email', 'a@example.fr');
    await fill(wrapper, 'password', 'whatever');
    const button = wrapper.find('button[type="submit"]');
    expect(button.find('.q-spinner').exists()).toBe(true);
    await button.trigger('click');
    await flushPromises();
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('toggles the password visibility', async () => {
    const wrapper = mountForm({ mode: 'sign-in' }, 'en');
    expect(wrapper.find('input[name="password"]').attributes('type')).toBe('password');
    await wrapper.find('button[aria-label="Show password"]').trigger('click');
    expect(wrapper.find('input[name="password"]').attributes('type')).toBe('text');
  });
});
