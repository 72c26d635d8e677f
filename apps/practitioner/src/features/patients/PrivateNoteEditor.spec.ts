import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type App } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { Quasar } from 'quasar';
import type { CarebookClient } from '@carebook/data';
import { createCarebookI18n, provideCarebookClient } from '@carebook/shell';
import { practitionerMessages } from '../../i18n/messages.ts';
import PrivateNoteEditor from './PrivateNoteEditor.vue';

// The editor's two data calls, answered here; the rest of @carebook/data is the real one.
const api = vi.hoisted(() => ({ getAppointmentNote: vi.fn(), saveAppointmentNote: vi.fn() }));
vi.mock('@carebook/data', async (actual) => ({ ...(await actual<object>()), ...api }));

const ID = '5a29feb1-a716-40e0-94ad-97d3e5d3a8e1';

// Each test's editor is unmounted after it, so that no autosave timer outlives its test.
const mounted: { unmount: () => void }[] = [];

async function mountEditor(locale: 'fr' | 'en' = 'fr') {
  const noApi = { install: (app: App) => provideCarebookClient(app, {} as CarebookClient) };
  const wrapper = mount(PrivateNoteEditor, {
    props: { appointmentId: ID, timeZone: 'Europe/Paris', delayMs: 5 },
    global: { plugins: [[Quasar, {}], createCarebookI18n(locale, practitionerMessages), noApi] },
  });
  mounted.push(wrapper);
  await flushPromises();
  return wrapper;
}

const status = (w: Awaited<ReturnType<typeof mountEditor>>) =>
  w.get('[data-testid="private-note-status"]').text();

describe('PrivateNoteEditor', () => {
  beforeEach(() => {
    api.getAppointmentNote.mockReset();
    api.saveAppointmentNote.mockReset();
  });
  afterEach(async () => {
    for (const w of mounted.splice(0)) w.unmount();
    await flushPromises();
  });

  it('shows the saved note and when it was saved, in the practitioner’s zone', async () => {
    api.getAppointmentNote.mockResolvedValue({
      ok: true,
      data: { appointmentId: ID, body: 'Revoir dans 3 semaines', updatedAt: '2027-01-04T08:00:00.000Z' },
    });
    const w = await mountEditor();
    expect(api.getAppointmentNote).toHaveBeenCalledWith(expect.anything(), ID);
    expect((w.get('textarea').element as HTMLTextAreaElement).value).toBe('Revoir dans 3 semaines');
    expect(status(w)).toMatch(/^Enregistrée le lundi 4 janvier 2027/);
    expect(status(w)).toContain('Europe/Paris');
    expect(status(w)).toContain('09:00');
  });

  it('autosaves what is typed and says it is saved', async () => {
    api.getAppointmentNote.mockResolvedValue({ ok: true, data: null });
    api.saveAppointmentNote.mockResolvedValue({
      ok: true,
      data: { appointmentId: ID, body: 'Suivi', updatedAt: '2027-01-04T08:15:00.000Z' },
    });
    const w = await mountEditor();
    await w.get('textarea').setValue('Suivi');
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    expect(api.saveAppointmentNote).toHaveBeenCalledTimes(1);
    expect(api.saveAppointmentNote).toHaveBeenCalledWith(expect.anything(), ID, 'Suivi');
    expect(status(w)).toBe('Enregistrée à 09:15');
  });

  it('says when a save failed, in words, and saves again on retry', async () => {
    api.getAppointmentNote.mockResolvedValue({ ok: true, data: null });
    api.saveAppointmentNote
      .mockResolvedValueOnce({ ok: false, error: { code: 'network', message: 'fetch failed' } })
      .mockResolvedValueOnce({
        ok: true,
        data: { appointmentId: ID, body: 'x', updatedAt: '2027-01-04T08:16:00.000Z' },
      });
    const w = await mountEditor('en');
    await w.get('textarea').setValue('x');
    await w.get('textarea').trigger('blur');
    // QField reports a blur a tick later (it checks where focus went).
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    expect(status(w)).toMatch(/^Not saved: /);
    expect(status(w)).not.toContain('fetch failed');
    await w.get('button').trigger('click');
    await flushPromises();
    expect(api.saveAppointmentNote).toHaveBeenCalledTimes(2);
    expect(status(w)).toBe('Saved at 09:16');
  });

  it('refuses to save a note over the limit and says so', async () => {
    api.getAppointmentNote.mockResolvedValue({ ok: true, data: null });
    const w = await mountEditor();
    await w.get('textarea').setValue('a'.repeat(20_001));
    await w.get('textarea').trigger('blur');
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    expect(api.saveAppointmentNote).not.toHaveBeenCalled();
    expect(status(w)).toBe('20000 caractères au plus.');
  });

  it('offers a retry when the note cannot be loaded', async () => {
    api.getAppointmentNote
      .mockResolvedValueOnce({ ok: false, error: { code: 'network', message: 'offline' } })
      .mockResolvedValueOnce({ ok: true, data: null });
    const w = await mountEditor();
    expect(w.text()).toContain('La note n’a pas pu être chargée.');
    expect(w.find('textarea').exists()).toBe(false);
    await w.get('button').trigger('click');
    await flushPromises();
    expect(w.find('textarea').exists()).toBe(true);
  });
});
