// The settings section against supabase-js with canned API answers: optimistic switches rolled
// back on a refusal (said in a sentence), the phone checked before sending, the profile saved.
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createCarebookClient, type Profile } from '@carebook/data';
import NotificationSettings from './NotificationSettings.vue';
import { testPlugins } from '../testing/plugins.ts';
import { provideCarebookClient } from '../app/carebook-client.ts';
import { fakeAuthClient, sessionFor } from '../testing/fake-auth.ts';

const session = sessionFor('zoe@example.fr', 'Zoé Martin');
const profile: Profile = {
  id: session.user.id,
  email: 'zoe@example.fr',
  fullName: 'Zoé Martin',
  role: 'patient',
  locale: 'fr',
  phone: null,
  timeZone: 'Europe/Paris',
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
};

type Answer = { status: number; body: unknown };

function api(answers: { set?: Answer; patch?: Answer } = {}) {
  const requests: { path: string; body: unknown }[] = [];
  const settings = ['booking', 'reminders', 'account'].flatMap((category) =>
    ['in_app', 'email', 'sms'].map((channel) => ({
      category,
      channel,
      enabled: !(category === 'account' && channel === 'sms'),
      required: category === 'booking' && channel !== 'sms',
    })),
  );
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ path: url.pathname, body });
    let answer: Answer = { status: 404, body: { message: 'not faked' } };
    if (url.pathname.endsWith('/rpc/my_notification_settings')) answer = { status: 200, body: settings };
    if (url.pathname.endsWith('/rpc/set_notification_preference'))
      answer = answers.set ?? {
        status: 200,
        body: [
          { category: body.p_category, channel: body.p_channel, enabled: body.p_enabled, required: false },
        ],
      };
    if (url.pathname.endsWith('/profiles'))
      answer = answers.patch ?? {
        status: 200,
        body: {
          id: profile.id,
          email: profile.email,
          full_name: profile.fullName,
          role: 'patient',
          locale: 'fr',
          phone: body.phone ?? null,
          time_zone: body.time_zone ?? 'Europe/Paris',
          created_at: profile.createdAt,
          updated_at: profile.updatedAt,
        },
      };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  const rest = createCarebookClient('http://127.0.0.1:1', 'anon-key', {
    // Own storage key: several fake clients in one happy-dom window would warn otherwise.
    auth: {
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      storageKey: `fake-${crypto.randomUUID()}`,
    },
    global: { fetch },
  });
  const client = Object.assign(fakeAuthClient({ stored: session }).client, {
    from: rest.from.bind(rest),
    rpc: rest.rpc.bind(rest),
  });
  return { client, requests };
}

async function mountSettings(p: Profile, fake: ReturnType<typeof api>) {
  const wrapper = mount(NotificationSettings, {
    props: { profile: p },
    global: {
      plugins: [...testPlugins('fr').plugins, { install: (app) => provideCarebookClient(app, fake.client) }],
    },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

const sw = (w: Awaited<ReturnType<typeof mountSettings>>, category: string, channel: string) =>
  w.get(`[data-testid="pref-${category}-${channel}"]`);

describe('NotificationSettings', () => {
  it('saves a switch at once', async () => {
    const fake = api();
    const w = await mountSettings({ ...profile, phone: '+33612345678' }, fake);
    await sw(w, 'reminders', 'sms').trigger('click');
    expect(sw(w, 'reminders', 'sms').attributes('aria-checked')).toBe('false');
    await flushPromises();
    expect(fake.requests.at(-1)).toEqual({
      path: '/rest/v1/rpc/set_notification_preference',
      body: { p_category: 'reminders', p_channel: 'sms', p_enabled: false },
    });
    expect(sw(w, 'reminders', 'sms').attributes('aria-checked')).toBe('false');
    expect(w.find('[role="alert"]').exists()).toBe(false);
  });

  it('rolls a refused switch back and says why', async () => {
    const fake = api({
      set: {
        status: 409,
        body: { code: 'P0001', details: 'preference_required', message: 'cannot be turned off', hint: null },
      },
    });
    const w = await mountSettings({ ...profile, phone: '+33612345678' }, fake);
    await sw(w, 'reminders', 'email').trigger('click');
    expect(sw(w, 'reminders', 'email').attributes('aria-checked')).toBe('false');
    await flushPromises();
    expect(sw(w, 'reminders', 'email').attributes('aria-checked')).toBe('true');
    expect(w.get('[role="alert"]').text()).toBe(
      'Ce choix n’a pas été enregistré. Les confirmations et annulations de vos rendez-vous vous parviennent toujours par e-mail et dans l’application.',
    );
  });

  it('checks the phone before sending, then saves it in E.164 and unlocks SMS', async () => {
    const fake = api();
    const w = await mountSettings(profile, fake);
    expect(sw(w, 'reminders', 'sms').attributes('aria-disabled')).toBe('true');
    const input = w.get('input[type="tel"]');
    await input.setValue('06 12 34 56 78');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.text()).toContain('Commencez par + et l’indicatif du pays');
    expect(fake.requests.some((r) => r.path.endsWith('/profiles'))).toBe(false);

    await input.setValue('+33 6 12 34 56 78');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/rest/v1/profiles',
      body: { phone: '+33612345678' },
    });
    expect(w.text()).toContain('Numéro enregistré.');
    const saved = w.emitted('profileSaved')?.[0]?.[0] as Profile;
    expect(saved.phone).toBe('+33612345678');
    await w.setProps({ profile: saved });
    expect(sw(w, 'reminders', 'sms').attributes('aria-disabled')).toBeUndefined();
  });

  it('puts the time zone back when the server refuses it', async () => {
    const fake = api({
      patch: {
        status: 400,
        body: { code: 'P0001', details: 'invalid_time_zone', message: 'Unknown time zone', hint: null },
      },
    });
    const w = await mountSettings(profile, fake);
    const select = w.get<HTMLSelectElement>('[data-testid="time-zone-select"]');
    expect(select.element.value).toBe('Europe/Paris');
    await select.setValue('Asia/Tokyo');
    await flushPromises();
    expect(fake.requests.at(-1)).toMatchObject({ body: { time_zone: 'Asia/Tokyo' } });
    expect(select.element.value).toBe('Europe/Paris');
    expect(w.text()).toContain('Ce fuseau horaire est inconnu.');
  });
});
