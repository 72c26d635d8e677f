// The staff desk's pages under /staff, inside StaffLayout, which mounts none of them until the
// server says the signed-in person is staff. Each page is its own chunk.
import type { RouteRecordRaw } from 'vue-router';

const t = (name: string) => `practitioner.staff.tabs.${name}`;

export const staffRoutes: RouteRecordRaw[] = [
  {
    path: 'staff',
    component: () => import('./StaffLayout.vue'),
    meta: { requiresAuth: true, titleKey: 'practitioner.staff.title' },
    children: [
      { path: '', component: () => import('./StaffHomePage.vue') },
      {
        path: 'queue',
        component: () => import('./PractitionerListPage.vue'),
        props: { mode: 'queue' },
        meta: { titleKey: t('queue') },
      },
      {
        path: 'practitioners',
        component: () => import('./PractitionerListPage.vue'),
        props: { mode: 'directory' },
        meta: { titleKey: t('directory') },
      },
      {
        path: 'practitioners/:id',
        component: () => import('./ReviewPage.vue'),
        meta: { titleKey: t('queue') },
      },
      {
        path: 'home-care',
        component: () => import('../home-care/StaffHomeCarePage.vue'),
        meta: { titleKey: t('homeCare') },
      },
      {
        path: 'catalogue',
        component: () => import('./CataloguePage.vue'),
        meta: { titleKey: t('catalogue') },
      },
      {
        path: 'content',
        component: () => import('./ContentPagesPage.vue'),
        meta: { titleKey: t('content') },
      },
      {
        path: 'content/new',
        component: () => import('./ContentEditorPage.vue'),
        meta: { titleKey: t('content') },
      },
      {
        path: 'content/edit/:slug',
        component: () => import('./ContentEditorPage.vue'),
        meta: { titleKey: t('content') },
      },
      {
        path: 'operations',
        component: () => import('./OperationsPage.vue'),
        meta: { titleKey: t('operations') },
      },
      { path: 'audit', component: () => import('./AuditPage.vue'), meta: { titleKey: t('audit') } },
    ],
  },
];
