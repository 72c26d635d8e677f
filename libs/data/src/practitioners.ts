// Practitioner profiles: the public page patients read (published ones only, by RLS), and the
// practitioner's own profile, which they fill in and submit for verification.
import type { ConsultationMode, Registry, TablesInsert, VerificationStatus } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { toConsultationType, type ConsultationType } from './consultation-types.ts';
import { currentUserId, run, runMapped, geoPoint, type GeoPoint } from './query.ts';
import { ok, type Result } from './result.ts';

export interface Specialty {
  id: string;
  code: string;
  name: { fr: string; en: string };
}

export interface PractitionerPage {
  id: string;
  slug: string;
  displayName: string;
  profession: { code: string; name: { fr: string; en: string } };
  bio: { fr: string | null; en: string | null };
  languages: string[];
  photoPath: string | null;
  address: string | null;
  location: GeoPoint | null;
  modes: ConsultationMode[];
  timeZone: string;
  specialties: Specialty[];
  /** Active types, shortest first. */
  consultationTypes: ConsultationType[];
}

const PAGE_COLUMNS =
  'id, slug, display_name, profession_code, bio_fr, bio_en, languages, photo_path, formatted_address, latitude, longitude, modes, time_zone, professions(name_fr, name_en), practitioner_specialties(specialties(id, code, name_fr, name_en)), consultation_types(*)';

/** A published practitioner's page (or one's own, whatever its state); not_found otherwise. */
export async function getPractitionerBySlug(
  client: CarebookClient,
  slug: string,
): Promise<Result<PractitionerPage>> {
  const found = await run(
    client.from('practitioners').select(PAGE_COLUMNS).eq('slug', slug).maybeSingle(),
    `practitioner ${slug}`,
  );
  if (!found.ok) return found;
  const r = found.data;
  return ok({
    id: r.id,
    slug: r.slug,
    displayName: r.display_name,
    profession: {
      code: r.profession_code,
      name: { fr: r.professions?.name_fr ?? '', en: r.professions?.name_en ?? '' },
    },
    bio: { fr: r.bio_fr, en: r.bio_en },
    languages: r.languages,
    photoPath: r.photo_path,
    address: r.formatted_address,
    location: geoPoint(r.latitude, r.longitude),
    modes: r.modes,
    timeZone: r.time_zone,
    specialties: r.practitioner_specialties
      .flatMap((ps) => (ps.specialties ? [ps.specialties] : []))
      .map((s) => ({ id: s.id, code: s.code, name: { fr: s.name_fr, en: s.name_en } })),
    consultationTypes: r.consultation_types
      .filter((t) => t.active)
      .map(toConsultationType)
      .sort((a, b) => a.durationMinutes - b.durationMinutes),
  });
}

export interface MyPractitionerProfile {
  id: string;
  slug: string;
  displayName: string;
  professionCode: string;
  registry: Registry;
  registrationNumber: string | null;
  bio: { fr: string | null; en: string | null };
  languages: string[];
  modes: ConsultationMode[];
  timeZone: string;
  address: string | null;
  placeId: string | null;
  location: GeoPoint | null;
  photoPath: string | null;
  verificationStatus: VerificationStatus;
  /** Why staff rejected or suspended the profile. */
  statusReason: string | null;
  submittedAt: string | null;
  published: boolean;
  /** Ids of the specialties they offer (of their own profession). */
  specialtyIds: string[];
}

const MINE_COLUMNS =
  'id, slug, display_name, profession_code, registration_number, bio_fr, bio_en, languages, modes, time_zone, formatted_address, place_id, latitude, longitude, photo_path, verification_status, status_reason, submitted_at, published, professions(registry), practitioner_specialties(specialty_id)';

export type PractitionerProfileInput = Partial<
  Pick<
    MyPractitionerProfile,
    | 'slug'
    | 'displayName'
    | 'professionCode'
    | 'registrationNumber'
    | 'bio'
    | 'languages'
    | 'modes'
    | 'timeZone'
    | 'address'
    | 'placeId'
    | 'location'
    | 'photoPath'
  >
>;

type MineRow = {
  id: string;
  slug: string;
  display_name: string;
  profession_code: string;
  registration_number: string | null;
  bio_fr: string | null;
  bio_en: string | null;
  languages: string[];
  modes: ConsultationMode[];
  time_zone: string;
  formatted_address: string | null;
  place_id: string | null;
  latitude: number | null;
  longitude: number | null;
  photo_path: string | null;
  verification_status: VerificationStatus;
  status_reason: string | null;
  submitted_at: string | null;
  published: boolean;
  professions: { registry: Registry } | null;
  practitioner_specialties: { specialty_id: string }[];
};

function toMine(r: MineRow): MyPractitionerProfile {
  return {
    id: r.id,
    slug: r.slug,
    displayName: r.display_name,
    professionCode: r.profession_code,
    registry: r.professions?.registry ?? 'none',
    registrationNumber: r.registration_number,
    bio: { fr: r.bio_fr, en: r.bio_en },
    languages: r.languages,
    modes: r.modes,
    timeZone: r.time_zone,
    address: r.formatted_address,
    placeId: r.place_id,
    location: geoPoint(r.latitude, r.longitude),
    photoPath: r.photo_path,
    verificationStatus: r.verification_status,
    statusReason: r.status_reason,
    submittedAt: r.submitted_at,
    published: r.published,
    specialtyIds: r.practitioner_specialties.map((s) => s.specialty_id),
  };
}

function toInsert(input: PractitionerProfileInput): Partial<TablesInsert<'practitioners'>> {
  return {
    ...(input.slug !== undefined && { slug: input.slug }),
    ...(input.displayName !== undefined && { display_name: input.displayName }),
    ...(input.professionCode !== undefined && { profession_code: input.professionCode }),
    ...(input.registrationNumber !== undefined && { registration_number: input.registrationNumber }),
    ...(input.bio !== undefined && { bio_fr: input.bio.fr, bio_en: input.bio.en }),
    ...(input.languages !== undefined && { languages: input.languages }),
    ...(input.modes !== undefined && { modes: input.modes }),
    ...(input.timeZone !== undefined && { time_zone: input.timeZone }),
    ...(input.address !== undefined && { formatted_address: input.address }),
    ...(input.placeId !== undefined && { place_id: input.placeId }),
    ...(input.location !== undefined && {
      latitude: input.location?.lat ?? null,
      longitude: input.location?.lng ?? null,
    }),
    ...(input.photoPath !== undefined && { photo_path: input.photoPath }),
  };
}

/** The signed-in practitioner's own profile, or null before they have created it. */
export async function getMyPractitionerProfile(
  client: CarebookClient,
): Promise<Result<MyPractitionerProfile | null>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const found = await run(
    client.from('practitioners').select(MINE_COLUMNS).eq('id', me.data).maybeSingle(),
    'my profile',
  );
  if (!found.ok) return found.error.code === 'not_found' ? ok(null) : found;
  return ok(toMine(found.data));
}

/** Creates the profile (a draft) the first time, then saves changes to it. */
export async function saveMyPractitionerProfile(
  client: CarebookClient,
  input: PractitionerProfileInput,
): Promise<Result<MyPractitionerProfile>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const existing = await getMyPractitionerProfile(client);
  if (!existing.ok) return existing;
  const row = toInsert(input);
  const request = existing.data
    ? client.from('practitioners').update(row).eq('id', me.data).select(MINE_COLUMNS).single()
    : client
        .from('practitioners')
        .insert({ ...row, id: me.data } as TablesInsert<'practitioners'>)
        .select(MINE_COLUMNS)
        .single();
  return runMapped(request, 'my profile', toMine);
}

/** Draft or rejected -> submitted; refusals name what is missing (registration_required...). */
export async function submitForVerification(client: CarebookClient): Promise<Result<MyPractitionerProfile>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  return runMapped(
    client
      .from('practitioners')
      .update({ verification_status: 'submitted' })
      .eq('id', me.data)
      .select(MINE_COLUMNS)
      .maybeSingle(),
    'my profile',
    toMine,
  );
}

/** Makes the signed-in practitioner's specialties exactly `ids` (adds the new, removes the rest). */
export async function setMySpecialties(client: CarebookClient, ids: string[]): Promise<Result<string[]>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const current = await runMapped(
    client.from('practitioner_specialties').select('specialty_id').eq('practitioner_id', me.data),
    'my specialties',
    (rows) => rows.map((r) => r.specialty_id),
  );
  if (!current.ok) return current;
  const wanted = new Set(ids);
  const gone = current.data.filter((id) => !wanted.has(id));
  const added = ids.filter((id) => !current.data.includes(id));
  if (gone.length > 0) {
    const removed = await run(
      client
        .from('practitioner_specialties')
        .delete()
        .eq('practitioner_id', me.data)
        .in('specialty_id', gone)
        .select('specialty_id'),
      'my specialties',
    );
    if (!removed.ok) return removed;
  }
  if (added.length > 0) {
    const inserted = await run(
      client
        .from('practitioner_specialties')
        .insert(added.map((specialty_id) => ({ practitioner_id: me.data, specialty_id })))
        .select('specialty_id'),
      'my specialties',
    );
    if (!inserted.ok) return inserted;
  }
  return ok([...wanted]);
}
