// Sends a file's bytes to a signed Storage upload URL with progress events. supabase-js uploads
// through fetch, which reports no upload progress in browsers; XMLHttpRequest does (decision 0024).
import { fail, ok, type Result } from './result.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** PUTs `body` to `url`; resolves with the HTTP status, or a failure for a network error. */
export type UploadTransport = (
  url: string,
  body: Blob,
  contentType: string,
  onProgress: (p: UploadProgress) => void,
) => Promise<Result<number>>;

export const xhrTransport: UploadTransport = (url, body, contentType, onProgress) =>
  new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('x-upsert', 'false');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ loaded: e.loaded, total: e.total });
    };
    xhr.onload = () => resolve(ok(xhr.status));
    xhr.onerror = () => resolve(fail({ code: 'network', message: 'upload failed before an answer' }));
    xhr.send(body);
  });
