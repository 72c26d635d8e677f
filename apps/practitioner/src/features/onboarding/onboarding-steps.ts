// The onboarding wizard's steps and where a practitioner resumes: each step is done when what it
// saves is on the server, so a reload (or another device) lands on the first one left to do.
import {
  validateRegistrationNumber,
  type ConsultationMode,
  type DocumentKind,
  type Registry,
  type VerificationStatus,
} from '@carebook/domain';

export const STEPS = ['profession', 'profile', 'address', 'types', 'hours', 'documents', 'submit'] as const;
export type StepId = (typeof STEPS)[number];

/** The documents staff need to see before they can verify a profile. */
export const REQUIRED_DOCUMENTS: readonly DocumentKind[] = ['diploma', 'identity'];

export interface OnboardingState {
  profile: {
    registry: Registry;
    registrationNumber: string | null;
    bioFr: string | null;
    languages: string[];
    modes: ConsultationMode[];
    address: string | null;
    verificationStatus: VerificationStatus;
  } | null;
  typeCount: number;
  ruleCount: number;
  documentKinds: DocumentKind[];
  /** The furthest step saved on this device: a video-only practice's only trace of the address step. */
  reached: StepId | null;
}

const index = (step: StepId) => STEPS.indexOf(step);

/** Whether the practice's modes need an address patients can come to (or that sets the zone served). */
export function needsAddress(modes: readonly ConsultationMode[]): boolean {
  return modes.includes('in_person') || modes.includes('at_home');
}

export function stepDone(step: StepId, state: OnboardingState): boolean {
  const p = state.profile;
  if (!p) return false;
  switch (step) {
    case 'profession':
      return validateRegistrationNumber(p.registry, p.registrationNumber ?? '').ok;
    case 'profile':
      return (p.bioFr ?? '').trim().length > 0 && p.languages.length > 0;
    case 'address':
      // Video-only practices need no address: the step is done once they went past it (here or,
      // for a profile submitted before, on whatever device they used then).
      return (
        p.modes.length > 0 &&
        (!!p.address ||
          (!needsAddress(p.modes) &&
            (p.verificationStatus !== 'draft' ||
              (state.reached !== null && index(state.reached) > index('address')))))
      );
    case 'types':
      return state.typeCount > 0;
    case 'hours':
      return state.ruleCount > 0;
    case 'documents':
      return REQUIRED_DOCUMENTS.every((k) => state.documentKinds.includes(k));
    case 'submit':
      return !isEditable(p.verificationStatus);
  }
}

/** Draft and rejected profiles are the ones a practitioner may change and (re)submit. */
export function isEditable(status: VerificationStatus): boolean {
  return status === 'draft' || status === 'rejected';
}

/** Steps still to do before submitting, in order (never 'submit' itself). */
export function missingSteps(state: OnboardingState): StepId[] {
  return STEPS.filter((s) => s !== 'submit' && !stepDone(s, state));
}

/** Where to open the wizard: the status once submitted, else the first step left to do. */
export function resumeStep(state: OnboardingState): StepId {
  if (state.profile && !isEditable(state.profile.verificationStatus)) return 'submit';
  return missingSteps(state)[0] ?? 'submit';
}

/**
 * Every step needs the profile the first one creates. Once submitted, steps stay open for what
 * the database still lets change (name, presentation, place, types, hours); the profession step
 * shows its number read-only and the documents step its files (`isEditable` decides).
 */
export function canOpen(step: StepId, state: OnboardingState): boolean {
  return step === 'profession' || state.profile !== null;
}

/** The later of two steps, for remembering the furthest one reached. */
export function furthest(a: StepId | null, b: StepId): StepId {
  return a !== null && index(a) > index(b) ? a : b;
}
