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
