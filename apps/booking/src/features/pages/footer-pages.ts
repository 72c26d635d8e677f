// The content pages every visitor can reach from the footer; staff write them on the desk.
export const FOOTER_PAGES = ['help', 'terms', 'privacy', 'about'] as const;
