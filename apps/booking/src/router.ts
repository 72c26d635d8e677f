// The booking app's pages: its own home page; sign-in, account and 404 come from @carebook/shell.
import type { Router } from 'vue-router';
import { createCarebookRouter } from '@carebook/shell';
import { env } from './app-env.ts';

export function createBookingRouter(): Router {
  return createCarebookRouter({
    home: () => import('./features/search/SearchPage.vue'),
    titleKeys: {
      home: 'booking.titles.home',
      auth: 'booking.titles.auth',
      account: 'booking.titles.account',
      notFound: 'booking.titles.notFound',
    },
    layout: { appName: 'Carebook', footerKey: 'booking.footer' },
    auth: { role: 'patient', inboxUrl: env.inboxUrl },
  });
}
