// The practitioner app's pages: its own home page; sign-in, account and 404 come from
// @carebook/shell. Its sign-in page adds a note: accounts made here are practitioner accounts.
import type { Router } from 'vue-router';
import { createCarebookRouter } from '@carebook/shell';
import { env } from './app-env.ts';

export function createPractitionerRouter(): Router {
  return createCarebookRouter({
    home: () => import('./features/home/HomePage.vue'),
    titleKeys: {
      home: 'practitioner.titles.home',
      auth: 'practitioner.titles.auth',
      account: 'practitioner.titles.account',
      notFound: 'practitioner.titles.notFound',
    },
    layout: { appName: 'Carebook Pro', badge: 'Pro', footerKey: 'practitioner.footer' },
    auth: { role: 'practitioner', inboxUrl: env.inboxUrl, noteKey: 'practitioner.auth.note' },
  });
}
