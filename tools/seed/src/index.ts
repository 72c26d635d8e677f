// Public API: what the local stack (npm start) and test suites may use.
export { seed, readReference, startOfUtcDay, DEFAULT_SEED } from './seed.ts';
export type { SeedOptions, SeedReport, SeedTarget } from './seed.ts';
export { generate, SCALES } from './generate.ts';
export type { Dataset, GenerateOptions, Reference, Scale } from './generate.ts';
export type { AppointmentRow, AvailabilityExceptionRow } from './schedule.ts';
export type { LoadCounts, Logger } from './load.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.ts';
export type { DemoAccount } from './demo.ts';
export { formatReport } from './report.ts';
