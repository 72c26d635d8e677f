// The shape every field check returns: the cleaned value, or a stable issue code that the UI
// turns into a translated message.
export type FieldCheck<TIssue extends string> = { ok: true; value: string } | { ok: false; issue: TIssue };
