// What every route handler gets: the request, its parameters, and the shared parts of the server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../service.ts';
import type { BlobStore } from './blob-store.ts';
import { bearerToken, optionalCaller, verifyCaller, type Caller } from './caller.ts';
import type { RequestInfo, StorageDb } from './db.ts';

export interface StorageDeps {
  jwtSecret: string;
  db: StorageDb;
  blobs: BlobStore;
  /** Cap on any upload, whatever the bucket says (`[storage] file_size_limit`). */
  globalLimit: number;
  log: Logger;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  deps: StorageDeps;
}

export type Handler = (ctx: Ctx) => Promise<void>;

export function requestInfo(ctx: Ctx): RequestInfo {
  return { method: ctx.req.method ?? 'GET', path: ctx.url.pathname };
}

export function requireCaller(ctx: Ctx): Promise<Caller> {
  return verifyCaller(bearerToken(ctx.req), ctx.deps.jwtSecret);
}

export function maybeCaller(ctx: Ctx): Promise<Caller | undefined> {
  return optionalCaller(bearerToken(ctx.req), ctx.deps.jwtSecret);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function param(ctx: Ctx, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`route has no parameter ${name}`);
  return value;
}

export function headerValue(ctx: Ctx, name: string): string | undefined {
  const v = ctx.req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
