// The inbox: a JSON API over the message store (what tests and the e2e suite read) and the page a
// developer opens to read the e-mails and SMS the app sent.
import { sendJson, type RequestHandler } from './http-util.ts';
import { renderInboxPage } from './inbox-page.ts';
import type { MessageStore } from './message-store.ts';

export function routeInbox(store: MessageStore): RequestHandler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://inbox.local');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';

    if (path === '/api/messages') {
      if (method === 'GET') {
        sendJson(res, 200, { messages: store.list({ to: url.searchParams.get('to') ?? undefined }) });
      } else if (method === 'DELETE') {
        sendJson(res, 200, { deleted: store.clear() });
      } else {
        sendJson(res, 405, { error: 'Use GET or DELETE' }, { allow: 'GET, DELETE' });
      }
      return;
    }

    const one = /^\/api\/messages\/([^/]+)$/.exec(path);
    if (one && method === 'GET') {
      const message = store.get(decodeURIComponent(one[1] ?? ''));
      if (message) sendJson(res, 200, message);
      else sendJson(res, 404, { error: 'No such message' });
      return;
    }

    if (path === '/' && (method === 'GET' || method === 'HEAD')) {
      const selected = url.searchParams.get('id');
      const page = renderInboxPage(store.list(), selected);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(page),
        // The page's only script is inline; nothing may load from elsewhere.
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; frame-src 'self'; img-src * data:",
      });
      res.end(method === 'HEAD' ? undefined : page);
      return;
    }

    sendJson(res, 404, { error: `Not found: ${method} ${path}` });
  };
}
