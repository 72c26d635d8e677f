// The app makes one Supabase client at start-up and provides it; components and stores inject it
// so that nothing in this library reads environment variables or creates clients itself.
import { inject, type App, type InjectionKey } from 'vue';
import type { CarebookClient } from '@carebook/data';

const CLIENT_KEY: InjectionKey<CarebookClient> = Symbol('carebook-client');

export function provideCarebookClient(app: App, client: CarebookClient): void {
  app.provide(CLIENT_KEY, client);
}

export function useCarebookClient(): CarebookClient {
  const client = inject(CLIENT_KEY);
  if (!client) throw new Error('No Carebook client: call provideCarebookClient(app, client) at start-up.');
  return client;
}

/** Makes short-lived clients that keep no session (checking a password without signing in again). */
export type ScratchClientFactory = () => CarebookClient;
const SCRATCH_KEY: InjectionKey<ScratchClientFactory> = Symbol('carebook-scratch-client');

export function provideScratchClientFactory(app: App, factory: ScratchClientFactory): void {
  app.provide(SCRATCH_KEY, factory);
}

/** Call in setup (injection works only there); call the factory when a client is needed. */
export function useScratchClientFactory(): ScratchClientFactory {
  const factory = inject(SCRATCH_KEY);
  if (!factory) throw new Error('No scratch client factory: call provideScratchClientFactory(app, factory) at start-up.');
  return factory;
}
