// What asking "is the caller staff?" can find. No imports, so handlers that only need the type stay
// testable without the network (the lookup itself is in caller-staff.ts).

export type StaffLookup = { status: 'no-user' } | { status: 'ok'; userId: string; staff: boolean };
