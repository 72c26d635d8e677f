import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { Locale } from '@carebook/domain';
import WeekSlotGrid from './WeekSlotGrid.vue';
import { testPlugins } from '../testing/plugins.ts';

const slots = [{ startsAt: '2027-01-05T08:00:00Z' }, { startsAt: '2027-01-05T08:30:00Z' }];

function mountGrid(props: Partial<InstanceType<typeof WeekSlotGrid>['$props']> = {}, locale: Locale = 'fr') {
  return mount(WeekSlotGrid, {
    props: { weekStart: '2027-01-04', zone: 'Europe/Paris', slots, ...props },
    global: { plugins: testPlugins(locale).plugins },
  });
}

describe('WeekSlotGrid', () => {
  it('shows seven days and each slot on the viewer clock, named for screen readers', () => {
    const grid = mountGrid();
    expect(grid.findAll('h4')).toHaveLength(7);
    const buttons = grid.findAll('[data-slot]');
    expect(buttons.map((b) => b.text())).toEqual(['09:00', '09:30']);
    expect(buttons[0]?.attributes('aria-label')).toBe('mardi 5 janvier à 09:00');
    expect(grid.text()).toContain('Du 4 janv. au 10 janv.');
  });

  it('reads the same instants on another clock', () => {
    const grid = mountGrid({ zone: 'America/New_York', weekStart: '2027-01-04' }, 'en');
    expect(grid.findAll('[data-slot]').map((b) => b.text())).toEqual(['03:00', '03:30']);
    expect(grid.find('[data-slot]').attributes('aria-label')).toBe('Tuesday 5 January at 03:00');
  });

  it('emits the chosen instant and marks the selected one pressed', async () => {
    const grid = mountGrid({ selected: '2027-01-05T08:30:00.000Z' });
    const [first, second] = grid.findAll('[data-slot]');
    expect(second?.attributes('aria-pressed')).toBe('true');
    expect(first?.attributes('aria-pressed')).toBe('false');
    await first?.trigger('click');
    expect(grid.emitted('select')).toEqual([['2027-01-05T08:00:00.000Z']]);
  });

  it('offers the next availability on an empty week, and week navigation', async () => {
    const grid = mountGrid({ slots: [], canGoBack: false });
    expect(grid.text()).toContain('Aucun créneau libre cette semaine.');
    await grid.find('[data-testid="grid-jump"]').trigger('click');
    await grid.find('[data-testid="grid-next"]').trigger('click');
    expect(grid.emitted('jumpNext')).toHaveLength(1);
    expect(grid.emitted('next')).toHaveLength(1);
    expect(grid.find('[data-testid="grid-previous"]').attributes('disabled')).toBeDefined();
  });

  it('hides the jump when nothing lies ahead', () => {
    expect(mountGrid({ slots: [], canJump: false }).find('[data-testid="grid-jump"]').exists()).toBe(false);
  });
});
