import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useSearchState } from './use-search-state.ts';

async function withState(start: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { render: () => null } }],
  });
  await router.push(start);
  let api!: ReturnType<typeof useSearchState>;
  mount(
    defineComponent({
      setup() {
        api = useSearchState();
        return () => h('div');
      },
    }),
    { global: { plugins: [router] } },
  );
  return { router, api };
}

describe('useSearchState', () => {
  it('reads the search from the URL and writes a new one back, on its first page', async () => {
    const { router, api } = await withState('/?profession=psychologist&mode=video&page=3');
    expect(api.state.value).toMatchObject({ profession: 'psychologist', mode: 'video', page: 3 });
    await api.update({ sort: 'soonest' });
    expect(router.currentRoute.value.fullPath).toBe('/?profession=psychologist&mode=video&sort=soonest');
    await api.goToPage(2);
    await nextTick();
    expect(router.currentRoute.value.query).toEqual({
      profession: 'psychologist',
      mode: 'video',
      sort: 'soonest',
      page: '2',
    });
    expect(api.state.value.page).toBe(2);
  });

  it('gives the same state after a reload of the URL it wrote (back and forward too)', async () => {
    const { router, api } = await withState('/');
    await api.update({ text: 'burn-out', place: { label: 'Lyon 69003', lat: 45.75917, lng: 4.84139 } });
    const written = api.state.value;
    const again = await withState(router.currentRoute.value.fullPath);
    expect(again.api.state.value).toEqual(written);
    await api.update({ mode: 'at_home' });
    router.back();
    await new Promise((r) => setTimeout(r, 20));
    expect(api.state.value.mode).toBeNull();
  });
});
