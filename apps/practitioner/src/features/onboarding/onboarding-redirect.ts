// After signing in, a practitioner whose profile is not submitted yet (none, draft or rejected)
// lands on the wizard instead of their account page. Only a plain sign-in is redirected: a
// sign-in that was sent to a page (`?redirect=`) goes there, as the person asked.
import type { Router } from 'vue-router';
import { getMyPractitionerProfile, getMyProfile } from '@carebook/data';
import { useCarebookClient } from '@carebook/shell';
import { isEditable } from './onboarding-steps.ts';

export function installOnboardingRedirect(router: Router): void {
  router.beforeEach(async (to, from) => {
    if (to.path !== '/account' || from.path !== '/auth' || from.query.redirect) return true;
    // Guards run inside the app's injection context (vue-router 4.1+), where the client is provided.
    const client = useCarebookClient();
    const [me, mine] = await Promise.all([getMyProfile(client), getMyPractitionerProfile(client)]);
    if (!me.ok || me.data.role !== 'practitioner' || !mine.ok) return true;
    return mine.data === null || isEditable(mine.data.verificationStatus)
      ? { path: '/onboarding', replace: true }
      : true;
  });
}
