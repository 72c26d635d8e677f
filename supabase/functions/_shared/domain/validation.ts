// GENERATED from libs/domain/src/validation.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// The shape every field check returns: the cleaned value, or a stable issue code that the UI
// turns into a translated message.
export type FieldCheck<TIssue extends string> = { ok: true; value: string } | { ok: false; issue: TIssue };
