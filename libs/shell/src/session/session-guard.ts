// Route protection shared by both apps: pages with meta.requiresAuth need a session, pages with
// meta.guestOnly (the sign-in page) send signed-in people on to their account.
import { watch } from 'vue';
import type { Router } from 'vue-router';
import { useSession } from './use-session.ts';
import { safeRedirect } from './safe-redirect.ts';

declare module 'vue-router' {
  interface RouteMeta {
    requiresAuth?: boolean;
    guestOnly?: boolean;
  }
}

export interface SessionGuardPaths {
  signIn: string;
  afterSignIn: string;
}

export function installSessionGuard(router: Router, paths: SessionGuardPaths): void {
  const session = useSession();

  router.beforeEach(async (to) => {
    await session.start();
    // A confirmation or magic link lands with tokens (or its error) in the URL fragment.
    // supabase-js has read them by now; drop them so they stay out of history and bookmarks.
    if (/(^#|&)(access_token|error_description)=/.test(to.hash)) {
      return { path: to.path, query: to.query, hash: '', replace: true };
    }
    if (to.meta.requiresAuth && !session.isSignedIn) {
      return { path: paths.signIn, query: { redirect: to.fullPath } };
    }
    if (to.meta.guestOnly && session.isSignedIn) {
      return safeRedirect(to.query.redirect, paths.afterSignIn);
    }
    return true;
  });

  // A session can end without navigation (expiry, sign-out in another tab): leave private pages.
  watch(
    () => session.isSignedIn,
    (signedIn) => {
      const current = router.currentRoute.value;
      if (!signedIn && current.meta.requiresAuth) {
        void router.replace({ path: paths.signIn, query: { redirect: current.fullPath } });
      }
    },
  );
}
