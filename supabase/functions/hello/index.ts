// Wiring only: the logic and its tests are in handler.ts.
import { loadCallerProfile } from '../_shared/caller-profile.ts';
import { handler } from './handler.ts';

Deno.serve(handler({ loadProfile: loadCallerProfile }));
