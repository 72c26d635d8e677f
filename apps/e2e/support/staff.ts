// The staff desk's decisions, called through the API as the desk's page calls them.
import { config, type TestUser } from '@carebook/testing';

/** Calls the review-practitioner function as `who`; answers the HTTP status. */
export async function reviewCall(who: TestUser, body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${config.apiUrl}/functions/v1/review-practitioner`, {
    method: 'POST',
    headers: {
      apikey: config.anonKey,
      Authorization: `Bearer ${who.accessToken}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  await res.body?.cancel();
  return res.status;
}
