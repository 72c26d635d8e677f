// What other tools and test suites may use: the stack's configuration and a way to start it.
export { loadConfig, repoRoot, LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY, LOCAL_JWT_SECRET } from './config.ts';
export type { StackConfig, Profile, Ports } from './config.ts';
export type { RunningService, Logger } from './service.ts';
export { startStack, AlreadyRunningError } from './stack.ts';
export type { Stack, StartOptions } from './stack.ts';
// A throw-away migrated database for tools that inspect the schema (db-lint).
export { startScratchDb } from './scratch.ts';
export { runJob, runSqlJob, readJobs, type ScheduledJob } from './scheduler.ts';
export { migrate, migrationsDir } from './migrate.ts';
// A second functions process, for tests that kill one mid-request (notify's crash recovery).
export { startFunctions, type FunctionsOptions } from './functions/index.ts';
// Where the Stripe fake and the webhook live locally, and an SDK client on the fake (bench, tests).
export { stripeSettings, localStripe } from './stripe-catalogue.ts';
