// Two letters for an avatar: from the name when there is one, else from the e-mail.
export function initials(fullName: string | null | undefined, email: string | null | undefined): string {
  const words = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  if (first) return ([...first][0]! + (last ? [...last][0]! : '')).toUpperCase();
  const local = (email ?? '').split('@')[0] ?? '';
  return ([...local][0] ?? '?').toUpperCase();
}
