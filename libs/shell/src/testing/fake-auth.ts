// A stand-in for the part of supabase-js's auth client that the session store uses, driven by
// the spec: it holds a session and lets the spec fire auth events. Specs only.
import { AuthImplicitGrantRedirectError, type AuthChangeEvent, type Session } from '@supabase/supabase-js';
import type { CarebookClient } from '@carebook/data';

type Listener = (event: AuthChangeEvent, session: Session | null) => void;

export function sessionFor(email: string, fullName = ''): Session {
  return {
    access_token: 'a.b.c',
    refresh_token: 'refresh',
    token_type: 'bearer',
    expires_in: 3600,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    user: {
      id: crypto.randomUUID(),
      aud: 'authenticated',
      email,
      app_metadata: {},
      user_metadata: fullName ? { full_name: fullName } : {},
      created_at: new Date().toISOString(),
    },
  };
}

export function fakeAuthClient(options: { stored?: Session | null; linkErrorCode?: string } = {}) {
  let current = options.stored ?? null;
  const listeners: Listener[] = [];
  const calls = { initialize: 0, signOut: 0 };

  const emit = (event: AuthChangeEvent, session: Session | null) => {
    current = session;
    for (const listener of listeners) listener(event, session);
  };

  const auth = {
    async initialize() {
      calls.initialize += 1;
      const error = options.linkErrorCode
        ? new AuthImplicitGrantRedirectError('Email link is invalid or has expired', {
            error: 'access_denied',
            code: options.linkErrorCode,
          })
        : null;
      return { error };
    },
    async getSession() {
      return { data: { session: current }, error: null };
    },
    onAuthStateChange(listener: Listener) {
      listeners.push(listener);
      listener('INITIAL_SESSION', current);
      return { data: { subscription: { id: 'x', callback: listener, unsubscribe: () => undefined } } };
    },
    async signOut() {
      calls.signOut += 1;
      emit('SIGNED_OUT', null);
      return { error: null };
    },
  };

  return { client: { auth } as unknown as CarebookClient, emit, calls };
}
