import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type App } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import type { AvailabilityRule, CarebookClient, Result } from '@carebook/data';
import { createCarebookI18n, provideCarebookClient } from '@carebook/shell';
import { practitionerMessages } from '../../i18n/messages.ts';
import WeeklyHoursEditor from './WeeklyHoursEditor.vue';

// The editor's data calls, answered here; the rest of @carebook/data is the real one.
const api = vi.hoisted(() => ({
  listAvailabilityRules: vi.fn(),
  addAvailabilityRule: vi.fn(),
  updateAvailabilityRule: vi.fn(),
  deleteAvailabilityRule: vi.fn(),
}));
vi.mock('@carebook/data', async (actual) => ({ ...(await actual<object>()), ...api }));

const okay = <T>(data: T): Result<T> => ({ ok: true, data });
const rule = (patch: Partial<AvailabilityRule> = {}): AvailabilityRule => ({
  id: 'rule-1',
  weekday: 3,
  start: '09:00',
  end: '12:00',
  validFrom: null,
  validUntil: null,
  consultationTypeIds: null,
  modes: null,
  ...patch,
});

/** A promise the spec settles when it chooses: a save still on its way. */
function later<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

async function mountEditor() {
  const noApi = { install: (app: App) => provideCarebookClient(app, {} as CarebookClient) };
  const wrapper = mount(WeeklyHoursEditor, {
    props: { types: [] },
    attachTo: document.body,
    global: { plugins: [[Quasar, {}], createCarebookI18n('fr', practitionerMessages), createPinia(), noApi] },
  });
  await flushPromises();
  return wrapper;
}

const wednesday = (w: Awaited<ReturnType<typeof mountEditor>>) => w.get('[data-testid="day-3"]');
const startField = (w: Awaited<ReturnType<typeof mountEditor>>, n: number) =>
  wednesday(w).findAll('[data-testid="range"]')[n]!.findAll('input')[0]!;

beforeEach(() => {
  vi.resetAllMocks();
  api.listAvailabilityRules.mockResolvedValue(okay([rule()]));
});

describe('WeeklyHoursEditor', () => {
  it('keeps the row being typed in when its first save answers, and saves the edit made meanwhile once', async () => {
    const adding = later<Result<AvailabilityRule>>();
    api.addAvailabilityRule.mockReturnValue(adding.promise);
    api.updateAvailabilityRule.mockImplementation(async (_c, id: string, fields: Partial<AvailabilityRule>) =>
      okay(rule({ id, ...fields })),
    );
    const wrapper = await mountEditor();

    await wednesday(wrapper).get('button[aria-label="Ajouter une plage le mercredi"]').trigger('click');
    expect(api.addAvailabilityRule).toHaveBeenCalledTimes(1);
    expect(api.addAvailabilityRule.mock.calls[0]![1]).toMatchObject({ start: '13:00', end: '16:00' });

    // The person changes the start while the new range is still being saved.
    const field = startField(wrapper, 1);
    await field.setValue('14:00');
    await field.trigger('change');
    expect(api.addAvailabilityRule).toHaveBeenCalledTimes(1);

    adding.settle(okay(rule({ id: 'rule-2', start: '13:00', end: '16:00' })));
    await flushPromises();
    // The same field, not a rebuilt one (focus and typing survive), and one rule, updated.
    expect(startField(wrapper, 1).element).toBe(field.element);
    expect(api.addAvailabilityRule).toHaveBeenCalledTimes(1);
    expect(api.updateAvailabilityRule).toHaveBeenCalledTimes(1);
    expect(api.updateAvailabilityRule.mock.calls[0]![1]).toBe('rule-2');
    expect(api.updateAvailabilityRule.mock.calls[0]![2]).toMatchObject({ start: '14:00', end: '16:00' });
    expect(wednesday(wrapper).findAll('[data-testid="range"]')[1]!.text()).toContain('Enregistré');
    wrapper.unmount();
  });

  it('refuses an overlap with the reason, and saves nothing', async () => {
    api.addAvailabilityRule.mockResolvedValue(okay(rule({ id: 'rule-2', start: '13:00', end: '16:00' })));
    const wrapper = await mountEditor();
    await wednesday(wrapper).get('button[aria-label="Ajouter une plage le mercredi"]').trigger('click');
    await flushPromises();
    const field = startField(wrapper, 1);
    await field.setValue('11:00');
    await field.trigger('change');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('Cette plage chevauche la plage 09:00–12:00 du même jour.');
    expect(api.updateAvailabilityRule).not.toHaveBeenCalled();
    wrapper.unmount();
  });
});
