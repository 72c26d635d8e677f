// The workspace's pages as the header menu lists them. Each feature adds its own line here.
export interface NavItem {
  to: string;
  icon: string;
  /** A key under practitioner.nav (workspace-messages.ts). */
  labelKey: string;
  /** Listed only for staff (asked of the server: am_i_staff); the server refuses others anyway. */
  staffOnly?: boolean;
}

export const navItems: readonly NavItem[] = [
  { to: '/calendar', icon: 'calendar_month', labelKey: 'practitioner.nav.calendar' },
  { to: '/availability', icon: 'event_available', labelKey: 'practitioner.nav.availability' },
  { to: '/appointments', icon: 'event_note', labelKey: 'practitioner.nav.appointments' },
  { to: '/patients', icon: 'groups', labelKey: 'practitioner.nav.patients' },
  { to: '/onboarding', icon: 'badge', labelKey: 'practitioner.nav.profile' },
  { to: '/integrations', icon: 'sync_alt', labelKey: 'practitioner.nav.integrations' },
  { to: '/billing', icon: 'receipt_long', labelKey: 'practitioner.nav.billing' },
  { to: '/rounds', icon: 'route', labelKey: 'practitioner.nav.rounds' },
  { to: '/home-care/settings', icon: 'home_health', labelKey: 'practitioner.nav.homeVisits' },
  { to: '/staff', icon: 'admin_panel_settings', labelKey: 'practitioner.nav.staff', staffOnly: true },
];
