// The contract between the Node supervisor (index.ts) and the Deno server (serve.ts).

/** Passed as JSON in SETTINGS_ENV; serve.ts removes it before any function loads. */
export interface RunnerSettings {
  hostname: string;
  port: number;
  jwtSecret: string;
  functions: { slug: string; entrypoint: string; verifyJwt: boolean }[];
  /** Exit when stdin closes, i.e. when the Node supervisor is gone, so Deno is never orphaned. */
  exitWithParent: boolean;
}

export const SETTINGS_ENV = 'CAREBOOK_FUNCTIONS_RUNNER';
