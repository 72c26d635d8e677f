// The storage emulator: the part of the Supabase Storage API that supabase-js uses, as one
// in-process HTTP server behind the gateway's /storage/v1 (see README.md beside this file).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StackConfig } from '../config.ts';
import type { Logger, RunningService } from '../service.ts';
import { BlobStore } from './blob-store.ts';
import { readStorageSettings } from './config-buckets.ts';
import { sendJson, type StorageDeps } from './context.ts';
import { StorageDb } from './db.ts';
import { errors, toStorageError } from './errors.ts';
import { findRoute } from './router.ts';
import { routes } from './routes.ts';

export { syncBucketsFromConfig, readStorageSettings, configTomlPath } from './config-buckets.ts';

export function createStorageHandler(deps: StorageDeps): http.RequestListener {
  return (req, res) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://storage.local');
    const found = findRoute(routes, method, url.pathname);
    if (!found) {
      // Storage's web framework answers unknown routes itself, with a real 404.
      sendJson(res, 404, {
        statusCode: 404,
        error: 'Not Found',
        message: `Route ${method}:${url.pathname} not found`,
      });
      return;
    }
    // Postgres text cannot hold NUL: names and keys carrying one are refused before any query.
    for (const [name, value] of Object.entries(found.params)) {
      if (!value.includes('\u0000')) continue;
      const error = name === 'key' ? errors.invalidKey(value) : errors.invalidBucketName();
      sendJson(res, error.httpStatus, error.body());
      return;
    }
    found.route.handler({ req, res, url, params: found.params, deps }).catch((err: unknown) => {
      // Mid-stream failures (mostly a client that went away during a download): just drop the socket.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const error = toStorageError(err);
      if (error.statusCode >= 500) {
        deps.log(
          `${method} ${url.pathname}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
      }
      sendJson(res, error.httpStatus, error.body());
    });
  };
}

export async function startStorage(config: StackConfig, log: Logger): Promise<RunningService> {
  const { globalLimit } = readStorageSettings();
  // authenticator may become anon, authenticated or service_role, like PostgREST's connections.
  const db = new StorageDb(config.dbUrl('authenticator'));
  const blobs = new BlobStore(config.dirs.storage);
  const server = http.createServer(
    createStorageHandler({ jwtSecret: config.jwtSecret, db, blobs, globalLimit, log }),
  );
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.ports.storage, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    name: 'storage',
    url: `http://${config.host}:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.close();
    },
  };
}
