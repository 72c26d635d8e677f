// The routes both apps share: home, sign-in, account and 404, inside the shared layout. The app
// brings its home page, its titles and what differs in the frame and the sign-in page; the rest
// lives here. Each page is its own chunk; meta tells the session guard who may enter.
import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type Router,
  type RouteRecordSingleView,
} from 'vue-router';
import type { Component } from 'vue';
import type { SelfSignupRole } from '@carebook/domain';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title shown in the browser tab. */
    titleKey?: string;
    /** Lists this page in the signed-in account menu (static paths only). */
    accountMenu?: { labelKey: string; icon: string };
  }
}

export interface CarebookRouterOptions {
  /** The app's landing page, usually lazy: `() => import('./features/home/HomePage.vue')`. */
  home: RouteRecordSingleView['component'];
  /** i18n keys of each page's title in the browser tab. */
  titleKeys: { home: string; auth: string; account: string; notFound: string };
  /**
   * The frame: tab title suffix, header badge, footer text; optionally the app's own header
   * entries (before the language switcher), a notice above every page (e.g. a billing banner)
   * and footer entries (e.g. links to content pages).
   */
  layout: {
    appName: string;
    badge?: string;
    footerKey: string;
    headerExtras?: Component;
    notice?: Component;
    footerExtras?: Component;
  };
  /** The sign-in page: the kind of account it creates, the dev inbox, an optional note. */
  auth: { role: SelfSignupRole; inboxUrl: string | null; noteKey?: string };
  /** The app's own pages, inside the frame (paths relative to `/`, e.g. `billing`). */
  routes?: RouteRecordRaw[];
}

export function createCarebookRouter(options: CarebookRouterOptions): Router {
  const { titleKeys } = options;
  return createRouter({
    history: createWebHistory(),
    scrollBehavior: () => ({ top: 0 }),
    routes: [
      {
        path: '/',
        component: () => import('../layout/AppLayout.vue'),
        props: options.layout,
        children: [
          { path: '', component: options.home, meta: { titleKey: titleKeys.home } },
          {
            path: 'auth',
            component: () => import('../auth/AuthPage.vue'),
            props: options.auth,
            meta: { guestOnly: true, titleKey: titleKeys.auth },
          },
          {
            path: 'account',
            component: () => import('../account/AccountPage.vue'),
            meta: { requiresAuth: true, titleKey: titleKeys.account },
          },
          ...(options.routes ?? []),
          {
            path: ':pathMatch(.*)*',
            component: () => import('../not-found/NotFoundPage.vue'),
            meta: { titleKey: titleKeys.notFound },
          },
        ],
      },
    ],
  });
}
