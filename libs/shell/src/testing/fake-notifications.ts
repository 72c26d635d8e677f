// An in-memory public.notifications behind supabase-js's real PostgREST client, for store and
// component specs: list, unread count and mark_notifications_read as PostgREST answers them. Specs only.
import { createCarebookClient, type CarebookClient } from '@carebook/data';

export interface FakeNotificationRow {
  id: string;
  topic: string;
  data: Record<string, unknown>;
  read_at: string | null;
  created_at: string;
}

export function fakeNotifications(rows: FakeNotificationRow[] = [], timeZone = 'Europe/Paris') {
  const table = [...rows];
  // The reader's profile row, which the feed reads once for the person's time zone.
  const profile = {
    id: '00000000-0000-4000-8000-00000000aaaa',
    email: 'zoe@example.fr',
    full_name: 'Zoé',
    role: 'patient',
    locale: 'fr',
    phone: null,
    time_zone: timeZone,
    created_at: '2026-12-01T00:00:00Z',
    updated_at: '2026-12-01T00:00:00Z',
  };
  const requests: { method: string; url: URL }[] = [];
  /** When set, every request is answered with this error. */
  let failure: { status: number; body: Record<string, unknown> } | null = null;
  /** When set, answers wait for this promise (to race a poll against a click). */
  let gate: Promise<void> | null = null;
  /** When set, only writes (POST) wait for it: reads answer at once, from the unchanged table. */
  let writeGate: Promise<void> | null = null;
  /** When set, requests are served at once but their answers wait for it (a slow network back). */
  let answerGate: Promise<void> | null = null;

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

  async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const held = answerGate;
    const response = serve(input, init);
    if (held) await held;
    return response;
  }

  async function serve(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    requests.push({ method, url });
    if (gate) await gate;
    if (writeGate && method === 'POST') await writeGate;
    if (failure) return json(failure.status, failure.body);
    const unread = (r: FakeNotificationRow) => r.read_at === null;
    if (method === 'HEAD')
      return json(200, undefined, { 'content-range': `*/${table.filter(unread).length}` });
    if (method === 'GET' && url.pathname.endsWith('/profiles')) return json(200, profile);
    if (method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      const sorted = [...table].sort(
        (a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id),
      );
      return json(200, sorted.slice(0, limit));
    }
    if (method === 'POST' && url.pathname.endsWith('/rpc/mark_notifications_read')) {
      const { p_ids: ids } = JSON.parse(String(init?.body)) as { p_ids?: string[] };
      const now = new Date().toISOString();
      const hit = table.filter((r) => unread(r) && (!ids || ids.includes(r.id)));
      for (const r of hit) r.read_at = now;
      return json(200, hit.length);
    }
    return json(405, { message: 'not faked' });
  }

  const rest = createCarebookClient('http://127.0.0.1:1', 'anon-key', {
    // Own storage key: several fake clients in one happy-dom window would warn otherwise.
    auth: {
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      storageKey: `fake-${crypto.randomUUID()}`,
    },
    global: { fetch },
  });

  return {
    table,
    requests,
    /** Gives an auth-only fake client the REST part of this one. */
    attachTo(client: CarebookClient): CarebookClient {
      return Object.assign(client, { from: rest.from.bind(rest), rpc: rest.rpc.bind(rest) });
    },
    failWith(status: number, code: string, details: string | null = null) {
      failure = { status, body: { code, details, message: `fake ${code}`, hint: null } };
    },
    recover() {
      failure = null;
    },
    hold(): () => void {
      const { promise, release } = gated(() => (gate = null));
      gate = promise;
      return release;
    },
    /** Serves requests from the table as it is now, and holds their answers until released. */
    holdAnswers(): () => void {
      const { promise, release } = gated(() => (answerGate = null));
      answerGate = promise;
      return release;
    },
    /** Holds the writes only, as a slow "mark read" while a poll goes through. */
    holdWrites(): () => void {
      const { promise, release } = gated(() => (writeGate = null));
      writeGate = promise;
      return release;
    },
  };
}

/** A promise and the function that settles it, after `onRelease` (which lifts the gate). */
function gated(onRelease: () => void): { promise: Promise<void>; release: () => void } {
  let settle = () => undefined as void;
  const promise = new Promise<void>((resolve) => (settle = resolve));
  return {
    promise,
    release: () => {
      onRelease();
      settle();
    },
  };
}

let seq = 0;
/** A row for the fake table; newer rows get later created_at by default. */
export function notificationRow(patch: Partial<FakeNotificationRow> = {}): FakeNotificationRow {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    topic: 'appointment.confirmed',
    data: {
      practitioner_name: 'Dr Camille Martin',
      starts_at: '2027-03-01T08:00:00Z',
      time_zone: 'Europe/Paris',
    },
    read_at: null,
    created_at: new Date(Date.UTC(2026, 11, 6, 3, 0, seq)).toISOString(),
    ...patch,
  };
}
