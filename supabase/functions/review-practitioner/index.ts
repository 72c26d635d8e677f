// Wiring only: the logic and its tests are in handler.ts. Decisions and document reads run with
// the caller's JWT so the database decides; only signing a URL to a private file needs the service
// role, and only after the database has allowed and audited the read.
import { lookUpCallerStaff } from '../_shared/caller-staff.ts';
import { serviceClient, userClient } from '../_shared/supabase.ts';
import { handler } from './handler.ts';

const BUCKET = 'verification-documents';

Deno.serve(
  handler({
    lookUpStaff: lookUpCallerStaff,
    async review(jwt, { practitionerId, action, reason, expectedStatus }) {
      const { data, error } = await userClient(jwt).rpc('review_practitioner', {
        p_practitioner_id: practitionerId,
        p_action: action,
        p_reason: reason,
        // Sent only when given: the database then refuses a decision on a stale state (stale_review).
        ...(expectedStatus && { p_expected_status: expectedStatus }),
      });
      return error ? { data: null, error } : { data: data as Record<string, unknown>, error: null };
    },
    async openDocument(jwt, documentId) {
      const { data, error } = await userClient(jwt).rpc('open_verification_document', {
        p_document_id: documentId,
      });
      return error ? { data: null, error } : { data: data as string, error: null };
    },
    async signDocument(objectPath, expiresIn) {
      const { data, error } = await serviceClient()
        .storage.from(BUCKET)
        .createSignedUrl(objectPath, expiresIn);
      if (!error) return data.signedUrl;
      // Storage reports a missing object as statusCode "404" (hosted sends it with HTTP 400).
      const { status, statusCode } = error as { status?: number; statusCode?: string };
      if (status === 404 || statusCode === '404') return null;
      throw new Error(`signing ${BUCKET}/${objectPath} failed: ${error.message}`);
    },
  }),
);
