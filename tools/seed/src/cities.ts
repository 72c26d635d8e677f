// Real French cities (town-hall coordinates, main postcode, rough population in thousands as a
// weight) where seeded practitioners practise, plus a few overseas ones with their own time zone.
import type { Random } from './random.ts';

export interface City {
  name: string;
  postcodes: readonly string[];
  lat: number;
  lng: number;
  population: number;
  timeZone: string;
  /** Radius of the jitter around the centre; small for cities on a coast or an island. */
  radiusKm: number;
}

/** Postcodes of a city's districts: range('750', 1, 20) is 75001...75020. */
const range = (prefix: string, from: number, to: number): string[] =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `${prefix}${String(from + i).padStart(5 - prefix.length, '0')}`,
  );

const PARIS = 'Europe/Paris';

function city(
  name: string,
  postcode: string | string[],
  lat: number,
  lng: number,
  population: number,
  radiusKm = 3,
  timeZone = PARIS,
): City {
  return {
    name,
    postcodes: Array.isArray(postcode) ? postcode : [postcode],
    lat,
    lng,
    population,
    timeZone,
    radiusKm,
  };
}

export const CITIES: readonly City[] = [
  city('Paris', range('750', 1, 20), 48.8566, 2.3522, 2100, 4),
  city('Marseille', range('130', 1, 16), 43.2965, 5.3698, 870, 2.5),
  city('Lyon', range('6900', 1, 9), 45.764, 4.8357, 520),
  city('Toulouse', ['31000', '31200', '31300', '31400', '31500'], 43.6047, 1.4442, 500),
  city('Nice', ['06000', '06100', '06200', '06300'], 43.7102, 7.262, 340, 1.5),
  city('Nantes', ['44000', '44100', '44200', '44300'], 47.2184, -1.5536, 320),
  city('Montpellier', ['34000', '34070', '34080', '34090'], 43.6108, 3.8767, 300),
  city('Strasbourg', ['67000', '67100', '67200'], 48.5734, 7.7521, 290),
  city('Bordeaux', ['33000', '33100', '33200', '33300', '33800'], 44.8378, -0.5792, 260),
  city('Lille', ['59000', '59160', '59260', '59800'], 50.6292, 3.0573, 235),
  city('Rennes', ['35000', '35200', '35700'], 48.1173, -1.6778, 225),
  city('Toulon', ['83000', '83100', '83200'], 43.1242, 5.928, 180, 1.5),
  city('Reims', ['51100'], 49.2583, 4.0317, 180),
  city('Saint-Étienne', ['42000', '42100'], 45.4397, 4.3872, 175),
  city('Le Havre', ['76600', '76610', '76620'], 49.4944, 0.1079, 165, 1.5),
  city('Villeurbanne', ['69100'], 45.7719, 4.8902, 155, 2),
  city('Dijon', ['21000'], 47.322, 5.0415, 160),
  city('Grenoble', ['38000', '38100'], 45.1885, 5.7245, 158, 2),
  city('Angers', ['49000', '49100'], 47.4784, -0.5632, 157),
  city('Nîmes', ['30000', '30900'], 43.8367, 4.3601, 150),
  city('Aix-en-Provence', ['13090', '13100'], 43.5297, 5.4474, 145),
  city('Clermont-Ferrand', ['63000', '63100'], 45.7772, 3.087, 147),
  city('Le Mans', ['72000', '72100'], 48.0061, 0.1996, 145),
  city('Brest', ['29200'], 48.3904, -4.4861, 140, 1.5),
  city('Tours', ['37000', '37100', '37200'], 47.3941, 0.6848, 137),
  city('Amiens', ['80000', '80080', '80090'], 49.8941, 2.2958, 134),
  city('Limoges', ['87000', '87100', '87280'], 45.8336, 1.2611, 130),
  city('Annecy', ['74000', '74370', '74600', '74960'], 45.8992, 6.1294, 130, 2),
  city('Perpignan', ['66000', '66100'], 42.6887, 2.8948, 120),
  city('Boulogne-Billancourt', ['92100'], 48.8397, 2.2399, 120, 1.5),
  city('Metz', ['57000', '57050', '57070'], 49.1193, 6.1757, 118),
  city('Besançon', ['25000'], 47.2378, 6.0241, 118),
  city('Orléans', ['45000', '45100'], 47.903, 1.9093, 116),
  city('Saint-Denis', ['93200'], 48.9362, 2.3574, 113, 1.5),
  city('Rouen', ['76000', '76100'], 49.4432, 1.0999, 112),
  city('Argenteuil', ['95100'], 48.9472, 2.2467, 110, 2),
  city('Mulhouse', ['68100', '68200'], 47.7508, 7.3359, 108),
  city('Montreuil', ['93100'], 48.8638, 2.4485, 110, 1.5),
  city('Caen', ['14000'], 49.1829, -0.3707, 106),
  city('Nancy', ['54000', '54100'], 48.6921, 6.1844, 104, 2),
  city('Roubaix', ['59100'], 50.6942, 3.1746, 98, 2),
  city('Nanterre', ['92000'], 48.8924, 2.2071, 96, 1.5),
  city('Avignon', ['84000'], 43.9493, 4.8055, 92),
  city('Créteil', ['94000'], 48.7904, 2.4556, 92, 1.5),
  city('Poitiers', ['86000'], 46.5802, 0.3404, 89),
  city('Versailles', ['78000'], 48.8049, 2.1204, 84, 2),
  city('Pau', ['64000'], 43.2951, -0.3708, 76),
  city('La Rochelle', ['17000'], 46.1603, -1.1511, 77, 1.5),
  city('Cannes', ['06400', '06150'], 43.5528, 7.0174, 74, 1.5),
  city('Antibes', ['06600', '06160'], 43.5808, 7.1251, 73, 1.5),
  city('Colmar', ['68000'], 48.0794, 7.3585, 67),
  city('Ajaccio', ['20000', '20090'], 41.9192, 8.7386, 72, 1.5),
  city('Saint-Nazaire', ['44600'], 47.2735, -2.2138, 72, 1.5),
  city('Troyes', ['10000'], 48.2973, 4.0744, 62),
  city('Chambéry', ['73000'], 45.5646, 5.9178, 60, 2),
  city('Valence', ['26000'], 44.9334, 4.8924, 64),
  city('Lorient', ['56100'], 47.7483, -3.37, 57, 1.5),
  city('Niort', ['79000'], 46.3237, -0.4588, 60),
  city('Vannes', ['56000'], 47.6582, -2.7608, 54, 1.5),
  city('Bayonne', ['64100'], 43.4929, -1.4748, 52, 1.5),
  city('Quimper', ['29000'], 47.996, -4.1024, 63),
  city('Bastia', ['20200', '20600'], 42.6977, 9.4508, 48, 1),
  city('Saint-Malo', ['35400'], 48.6493, -2.0257, 47, 1),
  city('Biarritz', ['64200'], 43.4832, -1.5586, 25, 1),
  city('Fort-de-France', ['97200', '97234'], 14.6161, -61.0588, 76, 1, 'America/Martinique'),
  city('Le Lamentin', ['97232'], 14.6136, -60.9999, 40, 1, 'America/Martinique'),
  city('Saint-Denis (La Réunion)', ['97400', '97490'], -20.8821, 55.4507, 150, 1, 'Indian/Reunion'),
  city('Saint-Pierre (La Réunion)', ['97410'], -21.3393, 55.4781, 85, 1, 'Indian/Reunion'),
];

/** Rough outlines of metropolitan France, Corsica included, Martinique and La Réunion. */
export const FRANCE_BOUNDS = [
  { name: 'metropolitan', minLat: 41.3, maxLat: 51.1, minLng: -5.2, maxLng: 9.6 },
  { name: 'martinique', minLat: 14.38, maxLat: 14.88, minLng: -61.23, maxLng: -60.8 },
  { name: 'reunion', minLat: -21.4, maxLat: -20.85, minLng: 55.21, maxLng: 55.84 },
] as const;

export function insideFrance(lat: number, lng: number): boolean {
  return FRANCE_BOUNDS.some((b) => lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng);
}

const cityWeights = CITIES.map((c) => [c, c.population] as const);

export function pickCity(rng: Random): City {
  return rng.weighted(cityWeights);
}

export interface Place {
  city: City;
  postcode: string;
  lat: number;
  lng: number;
}

/** A point uniformly spread over a disc around the city centre, rounded to about a metre. */
export function placeIn(rng: Random, c: City): Place {
  const distanceKm = c.radiusKm * Math.sqrt(rng.float());
  const bearing = rng.float() * 2 * Math.PI;
  const kmPerDegreeLat = 111.32;
  const kmPerDegreeLng = kmPerDegreeLat * Math.cos((c.lat * Math.PI) / 180);
  const lat = c.lat + (distanceKm * Math.cos(bearing)) / kmPerDegreeLat;
  const lng = c.lng + (distanceKm * Math.sin(bearing)) / kmPerDegreeLng;
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return { city: c, postcode: rng.pick(c.postcodes), lat: round(lat), lng: round(lng) };
}

/** Great-circle distance in km, to check the jitter. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
