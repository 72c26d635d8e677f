// The functions server, run by Deno (not Node): imports every function's index.ts with Deno.serve
// replaced, so each call hands us the function's handler instead of opening a port, then serves
// them all on one port through router.ts. Started and restarted by index.ts.
import { hs256Key } from './jwt.ts';
import { createRouter, type FunctionHandler, type LoadedFunction } from './router.ts';
import { SETTINGS_ENV, type RunnerSettings } from './runner-settings.ts';

// The slice of the Deno namespace used here, typed locally so this file also type-checks with
// Node's types (the local-stack project) without Deno's.
type ServeHandler = (req: Request, info: unknown) => Response | Promise<Response>;
interface HttpServerLike {
  finished: Promise<void>;
  shutdown(): Promise<void>;
  ref(): void;
  unref(): void;
}
interface DenoApi {
  serve: (...args: unknown[]) => HttpServerLike;
  env: { get(name: string): string | undefined; delete(name: string): void };
  stdin: { readable: ReadableStream<Uint8Array> };
  exit(code?: number): never;
}

const deno = (globalThis as unknown as { Deno: DenoApi }).Deno;
const log = (line: string) => console.error(line);

/** Deno.serve(handler), Deno.serve(options, handler) and Deno.serve({ handler, ... }). */
function handlerOf(args: unknown[]): ServeHandler | undefined {
  const [first, second] = args;
  if (typeof first === 'function') return first as ServeHandler;
  if (typeof second === 'function') return second as ServeHandler;
  const fromOptions = (first as { handler?: unknown } | undefined)?.handler;
  return typeof fromOptions === 'function' ? (fromOptions as ServeHandler) : undefined;
}

// What a function gets back from its Deno.serve call: a server that never finishes on its own.
const capturedServer: HttpServerLike = {
  finished: new Promise<void>(() => {}),
  shutdown: async () => {},
  ref: () => {},
  unref: () => {},
};

async function load(settings: RunnerSettings): Promise<Map<string, LoadedFunction>> {
  const functions = new Map<string, LoadedFunction>();
  let loading: LoadedFunction | null = null;
  deno.serve = (...args: unknown[]) => {
    const handler = handlerOf(args);
    if (!loading)
      log('Deno.serve was called after start-up; only calls made while a function loads are served');
    else if (handler) loading.handler = handler;
    return capturedServer;
  };
  for (const spec of settings.functions) {
    const fn: LoadedFunction = { slug: spec.slug, verifyJwt: spec.verifyJwt };
    functions.set(spec.slug, fn);
    loading = fn;
    try {
      const mod = (await import(spec.entrypoint)) as { default?: { fetch?: unknown } };
      // `export default { fetch }` is the other shape Deno can serve.
      if (!fn.handler && typeof mod.default?.fetch === 'function') {
        fn.handler = (mod.default.fetch as FunctionHandler).bind(mod.default);
      }
      if (!fn.handler) fn.bootError = 'index.ts neither called Deno.serve nor exported default { fetch }';
    } catch (error) {
      fn.bootError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    if (fn.bootError) log(`${spec.slug} failed to boot: ${fn.bootError}`);
  }
  loading = null;
  return functions;
}

async function exitWhenParentGoes(): Promise<void> {
  const reader = deno.stdin.readable.getReader();
  try {
    while (!(await reader.read()).done) {
      /* the supervisor never writes; we only wait for end-of-file */
    }
  } catch {
    /* a broken pipe means the same */
  }
  deno.exit(0);
}

async function main(): Promise<void> {
  const raw = deno.env.get(SETTINGS_ENV);
  if (!raw) throw new Error(`${SETTINGS_ENV} is not set: this script is started by tools/local-stack`);
  deno.env.delete(SETTINGS_ENV);
  const settings = JSON.parse(raw) as RunnerSettings;
  if (settings.exitWithParent) void exitWhenParentGoes();

  // One failing function must not take the others down, as isolated workers would not.
  globalThis.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    log(
      `unhandled rejection: ${String((event as PromiseRejectionEvent).reason?.stack ?? (event as PromiseRejectionEvent).reason)}`,
    );
  });

  const realServe = deno.serve.bind(deno);
  const functions = await load(settings);
  const route = createRouter(functions, await hs256Key(settings.jwtSecret), log);
  realServe(
    {
      hostname: settings.hostname,
      port: settings.port,
      onListen: () => {
        const names = [...functions.keys()].join(', ') || 'none';
        console.log(
          `serving ${functions.size} function(s) on http://${settings.hostname}:${settings.port}: ${names}`,
        );
      },
    },
    route,
  );
}

await main();
