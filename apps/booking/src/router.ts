// The booking app's pages: its own home and payments pages; sign-in, account and 404 come from
// @carebook/shell. The header gets a link to the payments page for signed-in patients.
import type { Router } from 'vue-router';
import { createCarebookRouter } from '@carebook/shell';
import { env } from './app-env.ts';
import PaymentsNavLink from './features/payments/PaymentsNavLink.vue';

export function createBookingRouter(): Router {
  return createCarebookRouter({
    home: () => import('./features/home/HomePage.vue'),
    titleKeys: {
      home: 'booking.titles.home',
      auth: 'booking.titles.auth',
      account: 'booking.titles.account',
      notFound: 'booking.titles.notFound',
    },
    layout: { appName: 'Carebook', footerKey: 'booking.footer', headerExtras: PaymentsNavLink },
    auth: { role: 'patient', inboxUrl: env.inboxUrl },
    routes: [
      {
        path: 'account/payments',
        component: () => import('./features/payments/PaymentsPage.vue'),
        meta: { requiresAuth: true, titleKey: 'booking.titles.payments' },
      },
      // Where Stripe's Checkout sends the patient back (the `checkout` function's URLs).
      {
        path: 'appointments/:id',
        component: () => import('./features/payments/PaymentReturnPage.vue'),
        meta: { requiresAuth: true, titleKey: 'booking.titles.payments' },
      },
    ],
  });
}
