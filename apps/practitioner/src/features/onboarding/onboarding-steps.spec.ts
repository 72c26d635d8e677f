import { describe, expect, it } from 'vitest';
import {
  canOpen,
  furthest,
  missingSteps,
  resumeStep,
  stepDone,
  type OnboardingState,
} from './onboarding-steps.ts';

const done: OnboardingState = {
  profile: {
    registry: 'adeli',
    registrationNumber: '123456789',
    bioFr: 'Psychologue clinicienne',
    languages: ['fr'],
    modes: ['video', 'in_person'],
    address: '12 Rue de la Paix, 75002 Paris',
    verificationStatus: 'draft',
  },
  typeCount: 1,
  ruleCount: 2,
  documentKinds: ['diploma', 'identity'],
  reached: 'documents',
};
const withProfile = (
  p: Partial<NonNullable<OnboardingState['profile']>>,
  rest: Partial<OnboardingState> = {},
) => ({
  ...done,
  ...rest,
  profile: { ...done.profile!, ...p },
});

describe('onboarding steps', () => {
  it('starts at the profession without a profile, and opens nothing else', () => {
    const none: OnboardingState = {
      profile: null,
      typeCount: 0,
      ruleCount: 0,
      documentKinds: [],
      reached: null,
    };
    expect(resumeStep(none)).toBe('profession');
    expect(canOpen('profession', none)).toBe(true);
    expect(canOpen('profile', none)).toBe(false);
  });

  it('resumes at the first step left to do', () => {
    expect(resumeStep(withProfile({ bioFr: '  ' }))).toBe('profile');
    expect(resumeStep({ ...done, typeCount: 0 })).toBe('types');
    expect(resumeStep({ ...done, ruleCount: 0, documentKinds: [] })).toBe('hours');
    expect(resumeStep({ ...done, documentKinds: ['diploma'] })).toBe('documents');
    expect(resumeStep(done)).toBe('submit');
  });

  it('keeps a registration number the registry refuses on the first step', () => {
    expect(stepDone('profession', withProfile({ registrationNumber: '12345' }))).toBe(false);
    expect(stepDone('profession', withProfile({ registry: 'rpps', registrationNumber: '10000000001' }))).toBe(
      false,
    );
    expect(stepDone('profession', withProfile({ registry: 'none', registrationNumber: null }))).toBe(true);
  });

  it('asks an address of in-person practices, and of video-only ones only until they go past the step', () => {
    expect(stepDone('address', withProfile({ address: null }))).toBe(false);
    expect(
      stepDone('address', withProfile({ modes: ['video'], address: null }, { reached: 'address' })),
    ).toBe(false);
    expect(stepDone('address', withProfile({ modes: ['video'], address: null }, { reached: 'types' }))).toBe(
      true,
    );
  });

  it('lists what is missing before submitting', () => {
    expect(missingSteps(done)).toEqual([]);
    expect(missingSteps({ ...done, typeCount: 0, documentKinds: ['identity'] })).toEqual([
      'types',
      'documents',
    ]);
  });

  it('opens on the status once submitted, keeps the steps open, and lets a rejected profile be fixed', () => {
    const submitted = withProfile({ verificationStatus: 'submitted' }, { typeCount: 0 });
    expect(resumeStep(submitted)).toBe('submit');
    expect(canOpen('types', submitted)).toBe(true);
    expect(canOpen('submit', submitted)).toBe(true);
    const rejected = withProfile({ verificationStatus: 'rejected' }, { documentKinds: [] });
    expect(resumeStep(rejected)).toBe('documents');
    expect(canOpen('profession', rejected)).toBe(true);
  });

  it('remembers the furthest step', () => {
    expect(furthest(null, 'types')).toBe('types');
    expect(furthest('hours', 'types')).toBe('hours');
    expect(furthest('profile', 'types')).toBe('types');
  });
});
