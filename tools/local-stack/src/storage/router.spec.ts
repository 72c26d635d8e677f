import { describe, expect, it } from 'vitest';
import { findRoute, matchPath } from './router.ts';
import { routes } from './routes.ts';

describe('path matching', () => {
  it('takes one segment per parameter and the rest as the key', () => {
    expect(matchPath('/object/:bucket/*', '/object/docs/u1/a%20b.pdf')).toEqual({
      bucket: 'docs',
      key: 'u1/a b.pdf',
    });
    expect(matchPath('/bucket/:id', '/bucket/avatars')).toEqual({ id: 'avatars' });
  });

  it('needs a non-empty key and exact fixed segments', () => {
    expect(matchPath('/object/:bucket/*', '/object/docs')).toBeUndefined();
    expect(matchPath('/object/:bucket/*', '/object/docs/')).toBeUndefined();
    expect(matchPath('/bucket/:id', '/bucket/a/b')).toBeUndefined();
    expect(matchPath('/object/move', '/object/copy')).toBeUndefined();
  });

  it('refuses malformed percent-encoding', () => {
    expect(matchPath('/object/:bucket/*', '/object/docs/%E0%A4%A')).toBeUndefined();
  });
});

describe('storage routes', () => {
  const handlerOf = (method: string, path: string) => findRoute(routes, method, path)?.route.handler.name;

  it('sends each supabase-js call to its handler', () => {
    expect(handlerOf('POST', '/object/docs/u1/a.txt')).toBe('uploadObject');
    expect(handlerOf('PUT', '/object/docs/u1/a.txt')).toBe('uploadObject');
    expect(handlerOf('GET', '/object/docs/u1/a.txt')).toBe('downloadObject');
    expect(handlerOf('GET', '/object/public/docs/a.txt')).toBe('downloadPublic');
    expect(handlerOf('GET', '/object/authenticated/docs/a.txt')).toBe('downloadAuthenticated');
    expect(handlerOf('DELETE', '/object/docs')).toBe('removeObjects');
    expect(handlerOf('POST', '/object/list/docs')).toBe('listObjects');
    expect(handlerOf('POST', '/object/sign/docs/u1/a.txt')).toBe('signObject');
    expect(handlerOf('POST', '/object/sign/docs')).toBe('signObjects');
    expect(handlerOf('GET', '/object/sign/docs/u1/a.txt')).toBe('downloadSigned');
    expect(handlerOf('POST', '/object/move')).toBe('moveObject');
    expect(handlerOf('POST', '/object/copy')).toBe('copyObject');
    expect(handlerOf('GET', '/object/info/docs/a.txt')).toBe('objectInfo');
    expect(handlerOf('POST', '/object/upload/sign/docs/a.txt')).toBe('createSignedUploadUrl');
    expect(handlerOf('PUT', '/object/upload/sign/docs/a.txt')).toBe('uploadToSignedUrl');
    expect(handlerOf('GET', '/bucket')).toBe('listBuckets');
    expect(handlerOf('POST', '/bucket/docs/empty')).toBe('emptyBucket');
    expect(handlerOf('DELETE', '/bucket/docs')).toBe('deleteBucket');
  });

  it('answers HEAD like GET for downloads', () => {
    expect(handlerOf('HEAD', '/object/public/docs/a.txt')).toBe('downloadPublic');
  });

  it('has no route for unknown paths or methods', () => {
    expect(findRoute(routes, 'GET', '/nothing')).toBeUndefined();
    expect(findRoute(routes, 'PATCH', '/object/docs/a.txt')).toBeUndefined();
  });
});
