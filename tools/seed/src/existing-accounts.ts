// A database may already hold some of the generated accounts under other ids (the demo accounts
// of an older start-up, or an earlier seed). Matching by e-mail keeps the existing ids, so the
// rows seeded for those accounts attach to them instead of failing on the e-mail's unique index.
import type { Dataset } from './generate.ts';

export function withExistingAccounts(data: Dataset, idsByEmail: ReadonlyMap<string, string>): Dataset {
  const renamed = new Map<string, string>();
  for (const u of data.users) {
    const existing = idsByEmail.get(u.email.toLowerCase());
    if (existing && existing !== u.id) renamed.set(u.id, existing);
  }
  if (renamed.size === 0) return data;
  const id = (value: string) => renamed.get(value) ?? value;
  return {
    users: data.users.map((u) => ({ ...u, id: id(u.id) })),
    staff_members: data.staff_members.map((s) => ({ user_id: id(s.user_id) })),
    companies: data.companies,
    company_members: data.company_members.map((m) => ({ ...m, user_id: id(m.user_id) })),
    practitioners: data.practitioners.map((p) => ({ ...p, id: id(p.id) })),
    practitioner_specialties: data.practitioner_specialties.map((s) => ({
      ...s,
      practitioner_id: id(s.practitioner_id),
    })),
    consultation_types: data.consultation_types.map((t) => ({
      ...t,
      practitioner_id: id(t.practitioner_id),
    })),
    subscriptions: data.subscriptions.map((s) => ({ ...s, practitioner_id: id(s.practitioner_id) })),
    availability_rules: data.availability_rules.map((r) => ({
      ...r,
      practitioner_id: id(r.practitioner_id),
    })),
    availability_exceptions: data.availability_exceptions.map((e) => ({
      ...e,
      practitioner_id: id(e.practitioner_id),
    })),
    appointments: data.appointments.map((a) => ({
      ...a,
      practitioner_id: id(a.practitioner_id),
      patient_id: id(a.patient_id),
      cancelled_by: a.cancelled_by === null ? null : id(a.cancelled_by),
    })),
  };
}
