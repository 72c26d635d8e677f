// What practitioners of each profession typically offer in France: consultation names, durations,
// private-practice prices and the modes that make sense (nobody manipulates a spine by video).
// Professions themselves come from the database; one missing here gets the generic profile.
import type { ConsultationMode } from '@carebook/domain';

export type Mode = ConsultationMode;

export interface Offering {
  fr: string;
  en: string;
  minutes: readonly number[];
  /** Price range in euros, both included. */
  euros: readonly [number, number];
  modes: readonly Mode[];
}

export interface ProfessionProfile {
  /** Modes a practitioner of this profession may offer; each draws a non-empty subset. */
  modes: readonly Mode[];
  /** Physicians are addressed as "Dr". */
  doctor: boolean;
  offerings: readonly Offering[];
}

const offer = (
  fr: string,
  en: string,
  minutes: number[],
  euros: [number, number],
  modes: Mode[],
): Offering => ({
  fr,
  en,
  minutes,
  euros,
  modes,
});

const ALL: Mode[] = ['video', 'in_person', 'at_home'];
const TALK: Mode[] = ['video', 'in_person'];
const HANDS: Mode[] = ['in_person', 'at_home'];

export const PROFESSION_PROFILES: Record<string, ProfessionProfile> = {
  general_practitioner: {
    modes: ALL,
    doctor: true,
    offerings: [
      offer('Consultation', 'Consultation', [15, 20], [30, 30], ['in_person']),
      offer('Téléconsultation', 'Video consultation', [15, 20], [30, 30], ['video']),
      offer('Visite à domicile', 'Home visit', [30], [40, 60], ['at_home']),
    ],
  },
  occupational_physician: {
    modes: TALK,
    doctor: true,
    offerings: [
      offer(
        "Visite d'information et de prévention",
        'Information and prevention visit',
        [30],
        [80, 120],
        TALK,
      ),
      offer('Visite de reprise', 'Return-to-work visit', [30, 45], [90, 130], TALK),
    ],
  },
  psychiatrist: {
    modes: TALK,
    doctor: true,
    offerings: [
      offer('Première consultation', 'First consultation', [45, 60], [80, 150], TALK),
      offer('Consultation de suivi', 'Follow-up consultation', [30, 45], [60, 120], TALK),
    ],
  },
  psychologist: {
    modes: TALK,
    doctor: false,
    offerings: [
      offer('Premier entretien', 'First session', [50, 60], [60, 90], TALK),
      offer('Séance de suivi', 'Follow-up session', [45, 50], [50, 80], TALK),
      offer('Thérapie de couple', 'Couples session', [60, 75], [80, 110], TALK),
    ],
  },
  psychotherapist: {
    modes: TALK,
    doctor: false,
    offerings: [
      offer('Séance de psychothérapie', 'Psychotherapy session', [50, 60], [60, 90], TALK),
      offer('Séance EMDR', 'EMDR session', [60, 90], [70, 110], ['in_person']),
    ],
  },
  physiotherapist: {
    modes: ALL,
    doctor: false,
    offerings: [
      offer('Séance de kinésithérapie', 'Physiotherapy session', [30, 45], [20, 45], HANDS),
      offer('Bilan kiné', 'Physiotherapy assessment', [45, 60], [40, 60], ['in_person']),
      offer(
        'Séance de rééducation guidée en vidéo',
        'Guided rehabilitation by video',
        [30],
        [25, 40],
        ['video'],
      ),
    ],
  },
  osteopath: {
    modes: HANDS,
    doctor: false,
    offerings: [
      offer("Séance d'ostéopathie", 'Osteopathy session', [45, 60], [55, 80], HANDS),
      offer('Ostéopathie du nourrisson', 'Infant osteopathy', [30, 45], [50, 70], ['in_person']),
    ],
  },
  dietitian: {
    modes: TALK,
    doctor: false,
    offerings: [
      offer('Bilan diététique', 'Dietary assessment', [60], [50, 80], TALK),
      offer('Consultation de suivi', 'Follow-up consultation', [30, 45], [35, 55], TALK),
    ],
  },
  nurse: {
    modes: ['in_person', 'at_home', 'video'],
    doctor: false,
    offerings: [
      offer('Soins infirmiers', 'Nursing care', [15, 30], [15, 35], HANDS),
      offer(
        "Consultation d'aide au sevrage tabagique",
        'Smoking cessation consultation',
        [30, 45],
        [25, 45],
        TALK,
      ),
    ],
  },
  midwife: {
    modes: ALL,
    doctor: false,
    offerings: [
      offer('Préparation à la naissance', 'Antenatal class', [45, 60], [30, 50], TALK),
      offer('Consultation postnatale', 'Postnatal visit', [30, 45], [30, 55], HANDS),
      offer('Téléconsultation', 'Video consultation', [20, 30], [25, 30], ['video']),
    ],
  },
  speech_therapist: {
    modes: TALK,
    doctor: false,
    offerings: [
      offer('Bilan orthophonique', 'Speech assessment', [60], [50, 90], ['in_person']),
      offer('Séance de rééducation', 'Therapy session', [30, 45], [30, 50], TALK),
    ],
  },
  sophrologist: {
    modes: TALK,
    doctor: false,
    offerings: [
      offer('Séance de sophrologie', 'Sophrology session', [45, 60], [50, 70], TALK),
      offer('Séance découverte', 'Introductory session', [30], [30, 45], TALK),
    ],
  },
  naturopath: {
    modes: TALK,
    doctor: false,
    offerings: [
      offer('Bilan de vitalité', 'Wellbeing assessment', [75, 90], [60, 90], TALK),
      offer('Consultation de suivi', 'Follow-up consultation', [45, 60], [45, 65], TALK),
    ],
  },
};

export const GENERIC_PROFILE: ProfessionProfile = {
  modes: TALK,
  doctor: false,
  offerings: [
    offer('Première consultation', 'First consultation', [45, 60], [50, 80], TALK),
    offer('Consultation de suivi', 'Follow-up consultation', [30, 45], [40, 65], TALK),
  ],
};

export function profileOf(profession: string): ProfessionProfile {
  return PROFESSION_PROFILES[profession] ?? GENERIC_PROFILE;
}

/** Prices end in 0 or 5 euros, as practitioners set them; exact when the range is one value. */
export function roundPrice(euros: number): number {
  return Math.round(euros / 5) * 5;
}

/** How common each profession is among seeded practitioners; professions not listed weigh 1. */
export const PROFESSION_WEIGHTS: Record<string, number> = {
  psychologist: 8,
  physiotherapist: 5,
  osteopath: 5,
  dietitian: 4,
  general_practitioner: 3,
  nurse: 3,
  sophrologist: 3,
  midwife: 2,
  psychotherapist: 2,
  speech_therapist: 2,
  naturopath: 2,
  psychiatrist: 1.5,
  occupational_physician: 1,
};
