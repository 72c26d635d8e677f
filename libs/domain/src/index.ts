// Public API of @carebook/domain: pure rules shared by the apps, the data layer and edge functions.
export * from './enums.ts';
export * from './refusal-codes.ts';
export * from './limits.ts';
export * from './ranges.ts';
export type { Database, Json, Tables, TablesInsert, TablesUpdate, Enums } from './database.types.ts';
export * from './locale.ts';
export * from './role.ts';
export * from './validation.ts';
export * from './email.ts';
export * from './password.ts';
export * from './full-name.ts';
export * from './registration.ts';
export * from './registration-review.ts';
export * from './time-zone.ts';
export * from './notifications/index.ts';
export * from './home-rounds.ts';
