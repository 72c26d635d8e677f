// The signed-in state of the app, kept in step with supabase-js through onAuthStateChange, so
// that a sign-in, a token refresh, a sign-out in another tab or a confirmation link all show.
import { computed, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import {
  mapAuthError,
  signOut as endSession,
  type SignOutScope,
  type DataError,
  type Result,
  type Session,
} from '@carebook/data';
import { useCarebookClient } from '../app/carebook-client.ts';

export const useSession = defineStore('session', () => {
  const client = useCarebookClient();
  const session = shallowRef<Session | null>(null);
  const ready = shallowRef(false);
  /** Why a link that brought the person here failed (expired confirmation link...). */
  const linkError = shallowRef<DataError | null>(null);
  let starting: Promise<void> | null = null;

  const user = computed(() => session.value?.user ?? null);
  const isSignedIn = computed(() => session.value !== null);
  const email = computed(() => user.value?.email ?? '');
  const fullName = computed(() => {
    const name: unknown = user.value?.user_metadata?.full_name;
    return typeof name === 'string' ? name : '';
  });

  /** Resolves once the stored session, or the one in the URL, is known. Safe to call often. */
  function start(): Promise<void> {
    starting ??= (async () => {
      // initialize() reads a session from the URL fragment (confirmation and magic links) or
      // from storage; its error tells why a link did not sign the person in.
      const { error } = await client.auth.initialize();
      if (error) linkError.value = mapAuthError(error);
      const { data } = await client.auth.getSession();
      session.value = data.session;
      client.auth.onAuthStateChange((_event, next) => {
        // Keep this callback synchronous: supabase-js holds a lock while it runs.
        session.value = next;
      });
      ready.value = true;
    })();
    return starting;
  }

  /** `global` ends the person's sessions on every device, this one included. */
  async function signOut(scope: SignOutScope = 'local'): Promise<Result<null>> {
    const result = await endSession(client, scope);
    // Even when the server could not be told, this device forgets the session.
    if (result.ok) session.value = null;
    return result;
  }

  function clearLinkError(): void {
    linkError.value = null;
  }

  return { session, ready, linkError, user, isSignedIn, email, fullName, start, signOut, clearLinkError };
});
