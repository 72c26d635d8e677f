// The practitioner app's pages. Each page is its own chunk; meta tells the session guard who may enter.
import { createRouter, createWebHistory, type Router } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title shown in the browser tab. */
    titleKey?: string;
  }
}

export function createPractitionerRouter(): Router {
  return createRouter({
    history: createWebHistory(),
    scrollBehavior: () => ({ top: 0 }),
    routes: [
      {
        path: '/',
        component: () => import('./layouts/MainLayout.vue'),
        children: [
          {
            path: '',
            component: () => import('./pages/HomePage.vue'),
            meta: { titleKey: 'practitioner.titles.home' },
          },
          {
            path: 'auth',
            component: () => import('./pages/AuthPage.vue'),
            meta: { guestOnly: true, titleKey: 'practitioner.titles.auth' },
          },
          {
            path: 'account',
            component: () => import('./pages/AccountPage.vue'),
            meta: { requiresAuth: true, titleKey: 'practitioner.titles.account' },
          },
          {
            path: ':pathMatch(.*)*',
            component: () => import('./pages/NotFoundPage.vue'),
            meta: { titleKey: 'practitioner.titles.notFound' },
          },
        ],
      },
    ],
  });
}
