// The booking app's pages: its own home page, the practitioner page and booking, the patient's
// appointments and payments; sign-in, account and 404 come from @carebook/shell. The header gets
// a link to the payments page for signed-in patients.
import type { Router } from 'vue-router';
import { createCarebookRouter } from '@carebook/shell';
import { env } from './app-env.ts';
import PaymentsNavLink from './features/payments/PaymentsNavLink.vue';
import FooterLinks from './features/pages/FooterLinks.vue';

export function createBookingRouter(): Router {
  return createCarebookRouter({
    home: () => import('./features/search/SearchPage.vue'),
    titleKeys: {
      home: 'booking.titles.home',
      auth: 'booking.titles.auth',
      account: 'booking.titles.account',
      notFound: 'booking.titles.notFound',
    },
    layout: {
      appName: 'Carebook',
      footerKey: 'booking.footer',
      headerExtras: PaymentsNavLink,
      footerExtras: FooterLinks,
    },
    auth: { role: 'patient', inboxUrl: env.inboxUrl },
    routes: [
      // Public: the site's content pages that staff publish (help, terms, privacy, about...).
      {
        path: 'pages/:slug',
        component: () => import('./features/pages/ContentPage.vue'),
        meta: { titleKey: 'booking.pages.title' },
      },
      // Public: anyone reads a profile and its free times; signing in happens inside the flow.
      {
        path: 'p/:slug',
        component: () => import('./features/practitioner/PractitionerPage.vue'),
        meta: { titleKey: 'practitionerPage.pageTitle' },
      },
      {
        path: 'appointments',
        component: () => import('./features/appointments/MyAppointmentsPage.vue'),
        meta: {
          requiresAuth: true,
          titleKey: 'myAppointments.title',
          accountMenu: { labelKey: 'myAppointments.title', icon: 'event' },
        },
      },
      {
        path: 'account/payments',
        component: () => import('./features/payments/PaymentsPage.vue'),
        meta: { requiresAuth: true, titleKey: 'booking.titles.payments' },
      },
      {
        path: 'home-care',
        component: () => import('./features/home-care/HomeCareRequestPage.vue'),
        meta: {
          requiresAuth: true,
          titleKey: 'booking.homeCare.title',
          accountMenu: { labelKey: 'booking.homeCare.nav', icon: 'home_health' },
        },
      },
      {
        path: 'home-care/requests',
        component: () => import('./features/home-care/MyHomeCareRequestsPage.vue'),
        meta: {
          requiresAuth: true,
          titleKey: 'booking.homeCare.mine.title',
          accountMenu: { labelKey: 'booking.homeCare.mine.title', icon: 'assignment' },
        },
      },
      {
        path: 'home-care/:id',
        component: () => import('./features/home-care/HomeCareStatusPage.vue'),
        meta: { requiresAuth: true, titleKey: 'booking.homeCare.status.title' },
      },
      // Where a booking lands and where Stripe's Checkout sends the patient back (the `checkout`
      // function's URLs, ?payment=done|cancelled): hold countdown, payment, confirmation.
      {
        path: 'appointments/:id',
        component: () => import('./features/booking/AppointmentPage.vue'),
        meta: { requiresAuth: true, titleKey: 'appointmentPage.pageTitle' },
      },
    ],
  });
}
