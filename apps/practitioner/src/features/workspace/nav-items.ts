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
  { to: '/billing', icon: 'receipt_long', labelKey: 'practitioner.nav.billing' },
  { to: '/staff', icon: 'admin_panel_settings', labelKey: 'practitioner.nav.staff', staffOnly: true },
];
