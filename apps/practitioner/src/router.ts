// The practitioner app's pages: its own home and Billing pages; sign-in, account and 404 come
// from @carebook/shell. Its sign-in page adds a note: accounts made here are practitioner accounts.
// The frame gets the header's workspace menu (features/workspace/nav-items.ts) and, above every page, the failed-payment banner.
import type { Router } from 'vue-router';
import { createCarebookRouter } from '@carebook/shell';
import { env } from './app-env.ts';
import BillingBanner from './features/billing/BillingBanner.vue';
import WorkspaceNav from './features/workspace/WorkspaceNav.vue';
import { installOnboardingRedirect } from './features/onboarding/onboarding-redirect.ts';
import { staffRoutes } from './features/staff/staff-routes.ts';

export function createPractitionerRouter(): Router {
  const router = createCarebookRouter({
    home: () => import('./features/home/HomePage.vue'),
    titleKeys: {
      home: 'practitioner.titles.home',
      auth: 'practitioner.titles.auth',
      account: 'practitioner.titles.account',
      notFound: 'practitioner.titles.notFound',
    },
    layout: {
      appName: 'Carebook Pro',
      badge: 'Pro',
      footerKey: 'practitioner.footer',
      headerExtras: WorkspaceNav,
      notice: BillingBanner,
    },
    auth: { role: 'practitioner', inboxUrl: env.inboxUrl, noteKey: 'practitioner.auth.note' },
    routes: [
      {
        path: 'calendar',
        component: () => import('./features/calendar/CalendarPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.titles.calendar' },
      },
      {
        path: 'billing',
        component: () => import('./features/billing/BillingPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.titles.billing' },
      },
      {
        path: 'appointments',
        component: () => import('./features/appointments/AppointmentsPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.appointments.title' },
      },
      {
        path: 'patients',
        component: () => import('./features/patients/PatientsPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.patients.title' },
      },
      {
        path: 'patients/:id',
        component: () => import('./features/patients/PatientPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.patients.title' },
      },
      {
        path: 'onboarding',
        component: () => import('./features/onboarding/OnboardingPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.onboarding.title' },
      },
      {
        path: 'availability',
        component: () => import('./features/availability/AvailabilityPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.availability.title' },
      },
      {
        path: 'integrations',
        component: () => import('./features/integrations/IntegrationsPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.integrations.title' },
      },
      ...staffRoutes,
      // Home care (issue 16): the offer an SMS link opens is readable signed out; accepting asks to sign in.
      {
        path: 'home-care/offers/:token',
        component: () => import('./features/home-care/OfferPage.vue'),
        meta: { titleKey: 'practitioner.homeCare.offer.title' },
      },
      {
        path: 'home-care/settings',
        component: () => import('./features/home-care/HomeVisitSettingsPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.homeCare.settings.title' },
      },
      {
        path: 'rounds',
        component: () => import('./features/home-care/RoundsPage.vue'),
        meta: { requiresAuth: true, titleKey: 'practitioner.homeCare.rounds.title' },
      },
    ],
  });
  installOnboardingRedirect(router);
  return router;
}
