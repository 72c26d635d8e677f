// The booking app's pages: its own home page, the practitioner page and booking, and the
// patient's appointments; sign-in, account and 404 come from @carebook/shell.
import type { Router } from 'vue-router';
import { createCarebookRouter } from '@carebook/shell';
import { env } from './app-env.ts';

export function createBookingRouter(): Router {
  return createCarebookRouter({
    home: () => import('./features/home/HomePage.vue'),
    titleKeys: {
      home: 'booking.titles.home',
      auth: 'booking.titles.auth',
      account: 'booking.titles.account',
      notFound: 'booking.titles.notFound',
    },
    layout: { appName: 'Carebook', footerKey: 'booking.footer' },
    auth: { role: 'patient', inboxUrl: env.inboxUrl },
    routes: [
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
      // Stripe Checkout returns here (?payment=done|cancelled), as the checkout function sets.
      {
        path: 'appointments/:id',
        component: () => import('./features/booking/AppointmentPage.vue'),
        meta: { requiresAuth: true, titleKey: 'appointmentPage.pageTitle' },
      },
    ],
  });
}
