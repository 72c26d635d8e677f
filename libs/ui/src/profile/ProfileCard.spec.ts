import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ProfileCard from './ProfileCard.vue';
import type { ProfileSummary } from './profile-summary.ts';
import { testPlugins } from '../testing/plugins.ts';
import type { Locale } from '@carebook/domain';

const profile: ProfileSummary = {
  email: 'camille@example.fr',
  fullName: 'Camille Dupont',
  role: 'practitioner',
  locale: 'en',
  createdAt: '2025-03-14T10:00:00Z',
};

function mountCard(p: ProfileSummary, locale: Locale) {
  return mount(ProfileCard, { props: { profile: p }, global: { plugins: testPlugins(locale).plugins } });
}

describe('ProfileCard', () => {
  it('shows who the person is, in the interface language', () => {
    const wrapper = mountCard(profile, 'fr');
    expect(wrapper.get('[data-testid="profile-full-name"]').text()).toBe('Camille Dupont');
    expect(wrapper.get('[data-testid="profile-email"]').text()).toBe('camille@example.fr');
    expect(wrapper.get('[data-testid="profile-role"]').text()).toBe('Praticien');
    expect(wrapper.get('[data-testid="profile-locale"]').text()).toBe('English');
    expect(wrapper.text()).toContain('14 mars 2025');
    expect(wrapper.find('.q-avatar').text()).toBe('CD');
  });

  it('says when no name was given', () => {
    const wrapper = mountCard({ ...profile, fullName: null, role: 'patient' }, 'en');
    expect(wrapper.get('[data-testid="profile-full-name"]').text()).toBe('No name given');
    expect(wrapper.get('[data-testid="profile-role"]').text()).toBe('Patient');
    expect(wrapper.text()).toContain('March 14, 2025');
    expect(wrapper.find('.q-avatar').text()).toBe('C');
  });
});
