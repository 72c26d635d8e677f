import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { Quasar, QSelect } from 'quasar';
import { createCarebookI18n } from '@carebook/shell';
import { bookingMessages } from '../../i18n/messages.ts';
import type { PlaceSuggestion } from './place-source.ts';
import type { SearchPlace } from './search-params.ts';
import SearchForm from './SearchForm.vue';

const lyon: PlaceSuggestion = { placeId: 'p-lyon', main: 'Lyon', secondary: 'Rhône, France', kind: 'city' };

function mountForm() {
  return mount(SearchForm, {
    props: {
      initialText: '',
      initialPick: null,
      initialPlace: null,
      whatSuggestions: [],
      placeSuggestions: [lyon],
      placeUnavailable: false,
    },
    attachTo: document.body,
    global: { plugins: [[Quasar, {}], createCarebookI18n('fr', bookingMessages)] },
  });
}

describe('SearchForm', () => {
  it('a search made while the picked place is still being read waits for it, and keeps it', async () => {
    const wrapper = mountForm();
    const placeSelect = wrapper.findAllComponents(QSelect)[1]!;
    placeSelect.vm.$emit('update:model-value', lyon);
    await flushPromises();
    const [[suggestion, done]] = wrapper.emitted('choosePlace') as [
      [PlaceSuggestion, (p: SearchPlace | null) => void],
    ];
    expect(suggestion).toEqual(lyon);

    // "Search" before the place's coordinates have arrived.
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('submit')).toBeUndefined();

    done({ label: 'Lyon 69001', lat: 45.76, lng: 4.83 });
    await flushPromises();
    expect(wrapper.emitted('submit')).toEqual([
      [{ text: '', profession: null, place: { label: 'Lyon 69001', lat: 45.76, lng: 4.83 } }],
    ]);
    wrapper.unmount();
  });

  it('searches at once when no place is on its way', async () => {
    const wrapper = mountForm();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('submit')).toEqual([[{ text: '', profession: null, place: null }]]);
    wrapper.unmount();
  });
});
