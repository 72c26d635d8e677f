// Storage's routes as the gateway passes them (without /storage/v1). Order matters: the fixed
// words (list, sign, public, ...) come before the catch-all /object/{bucket}/{key}, as in Storage.
import { createBucket, deleteBucket, emptyBucket, getBucket, listBuckets, updateBucket } from './buckets.ts';
import { sendJson } from './context.ts';
import { copyObject, listObjects, moveObject, removeObject, removeObjects } from './object-manage.ts';
import {
  downloadAuthenticated,
  downloadObject,
  downloadPublic,
  downloadSigned,
  objectInfo,
} from './object-read.ts';
import { signObject, signObjects } from './object-sign.ts';
import { createSignedUploadUrl, uploadObject, uploadToSignedUrl } from './object-write.ts';
import type { Route } from './router.ts';

const GET = ['GET', 'HEAD'];

export const routes: readonly Route[] = [
  { methods: GET, pattern: '/status', handler: async (ctx) => sendJson(ctx.res, 200, { status: 'ok' }) },

  { methods: GET, pattern: '/bucket', handler: listBuckets },
  { methods: ['POST'], pattern: '/bucket', handler: createBucket },
  { methods: ['POST'], pattern: '/bucket/:id/empty', handler: emptyBucket },
  { methods: GET, pattern: '/bucket/:id', handler: getBucket },
  { methods: ['PUT'], pattern: '/bucket/:id', handler: updateBucket },
  { methods: ['DELETE'], pattern: '/bucket/:id', handler: deleteBucket },

  { methods: ['POST'], pattern: '/object/list/:bucket', handler: listObjects },
  { methods: ['POST'], pattern: '/object/move', handler: moveObject },
  { methods: ['POST'], pattern: '/object/copy', handler: copyObject },
  { methods: ['POST'], pattern: '/object/sign/:bucket', handler: signObjects },
  { methods: ['POST'], pattern: '/object/sign/:bucket/*', handler: signObject },
  { methods: GET, pattern: '/object/sign/:bucket/*', handler: downloadSigned },
  { methods: ['POST'], pattern: '/object/upload/sign/:bucket/*', handler: createSignedUploadUrl },
  { methods: ['PUT'], pattern: '/object/upload/sign/:bucket/*', handler: uploadToSignedUrl },
  { methods: GET, pattern: '/object/public/:bucket/*', handler: downloadPublic },
  { methods: GET, pattern: '/object/authenticated/:bucket/*', handler: downloadAuthenticated },
  {
    methods: ['GET'],
    pattern: '/object/info/public/:bucket/*',
    handler: (ctx) => objectInfo({ ...ctx, params: { ...ctx.params, scope: 'public' } }),
  },
  { methods: ['GET'], pattern: '/object/info/authenticated/:bucket/*', handler: objectInfo },
  { methods: ['GET'], pattern: '/object/info/:bucket/*', handler: objectInfo },

  { methods: ['DELETE'], pattern: '/object/:bucket', handler: removeObjects },
  { methods: ['DELETE'], pattern: '/object/:bucket/*', handler: removeObject },
  { methods: ['POST', 'PUT'], pattern: '/object/:bucket/*', handler: uploadObject },
  { methods: GET, pattern: '/object/:bucket/*', handler: downloadObject },
];
