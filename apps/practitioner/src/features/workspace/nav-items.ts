// The workspace's pages as the header menu lists them. Each feature adds its own line here.
export interface NavItem {
  to: string;
  icon: string;
  /** A key under practitioner.nav (workspace-messages.ts). */
  labelKey: string;
}

export const navItems: readonly NavItem[] = [
  { to: '/billing', icon: 'receipt_long', labelKey: 'practitioner.nav.billing' },
  { to: '/rounds', icon: 'route', labelKey: 'practitioner.nav.rounds' },
  { to: '/home-care/settings', icon: 'home_health', labelKey: 'practitioner.nav.homeVisits' },
];
