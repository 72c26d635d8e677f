// The workspace's pages as the header menu lists them. Each feature adds its own line here.
export interface NavItem {
  to: string;
  icon: string;
  /** A key under practitioner.nav (workspace-messages.ts). */
  labelKey: string;
}

export const navItems: readonly NavItem[] = [
  { to: '/appointments', icon: 'event_note', labelKey: 'practitioner.nav.appointments' },
  { to: '/patients', icon: 'groups', labelKey: 'practitioner.nav.patients' },
  { to: '/billing', icon: 'receipt_long', labelKey: 'practitioner.nav.billing' },
  { to: '/onboarding', icon: 'badge', labelKey: 'practitioner.nav.profile' },
  { to: '/availability', icon: 'event_available', labelKey: 'practitioner.nav.availability' },
  { to: '/integrations', icon: 'sync_alt', labelKey: 'practitioner.nav.integrations' },
];
