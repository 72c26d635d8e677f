// Everything the wizard shows, loaded at once, and the OnboardingState its step logic reads.
// The furthest step reached is remembered per account on this device (localStorage): the only
// trace of a video-only practice having gone past the address step.
import { computed, ref, shallowRef } from 'vue';
import {
  getMyProfile,
  getMyPractitionerProfile,
  listAvailabilityRules,
  listConsultationTypes,
  listMyVerificationDocuments,
  listProfessions,
  type CarebookClient,
  type ConsultationType,
  type DataError,
  type MyPractitionerProfile,
  type Profession,
  type Profile,
  type VerificationDocument,
} from '@carebook/data';
import { furthest, STEPS, type OnboardingState, type StepId } from './onboarding-steps.ts';

const REACHED_KEY = 'carebook.onboarding.reached.';

function readReached(userId: string): StepId | null {
  try {
    const value = globalThis.localStorage?.getItem(REACHED_KEY + userId);
    return (STEPS as readonly string[]).includes(value ?? '') ? (value as StepId) : null;
  } catch {
    return null;
  }
}

export function useOnboarding(client: CarebookClient) {
  const account = shallowRef<Profile | null>(null);
  const profile = shallowRef<MyPractitionerProfile | null>(null);
  const professions = shallowRef<Profession[]>([]);
  const types = shallowRef<ConsultationType[]>([]);
  const ruleCount = ref(0);
  const documents = shallowRef<VerificationDocument[]>([]);
  const reached = ref<StepId | null>(null);
  const loading = ref(true);
  const error = shallowRef<DataError | null>(null);

  const state = computed<OnboardingState>(() => {
    const p = profile.value;
    return {
      profile: p && {
        registry: professions.value.find((pr) => pr.code === p.professionCode)?.registry ?? p.registry,
        registrationNumber: p.registrationNumber,
        bioFr: p.bio.fr,
        languages: p.languages,
        modes: p.modes,
        address: p.address,
        verificationStatus: p.verificationStatus,
      },
      typeCount: types.value.length,
      ruleCount: ruleCount.value,
      documentKinds: documents.value.map((d) => d.kind),
      reached: reached.value,
    };
  });

  const profession = computed(
    () => professions.value.find((p) => p.code === profile.value?.professionCode) ?? null,
  );

  async function loadTypes(): Promise<void> {
    if (!profile.value) return;
    const listed = await listConsultationTypes(client, profile.value.id, { activeOnly: true });
    if (listed.ok) types.value = listed.data;
    else error.value = listed.error;
  }

  async function loadDocuments(): Promise<void> {
    const listed = await listMyVerificationDocuments(client);
    if (listed.ok) documents.value = listed.data;
    else error.value = listed.error;
  }

  async function loadRules(): Promise<void> {
    const listed = await listAvailabilityRules(client);
    if (listed.ok) ruleCount.value = listed.data.length;
    else error.value = listed.error;
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    const [me, mine, listed] = await Promise.all([
      getMyProfile(client),
      getMyPractitionerProfile(client),
      listProfessions(client),
    ]);
    if (!me.ok || !mine.ok || !listed.ok) {
      error.value = (!me.ok && me.error) || (!mine.ok && mine.error) || (!listed.ok && listed.error) || null;
      loading.value = false;
      return;
    }
    account.value = me.data;
    profile.value = mine.data;
    professions.value = listed.data;
    reached.value = readReached(me.data.id);
    if (mine.data) await Promise.all([loadTypes(), loadDocuments(), loadRules()]);
    loading.value = false;
  }

  function reach(step: StepId): void {
    reached.value = furthest(reached.value, step);
    if (!account.value) return;
    try {
      globalThis.localStorage?.setItem(REACHED_KEY + account.value.id, reached.value);
    } catch {
      // Private browsing may refuse storage: the server-side progress still decides the resume.
    }
  }

  return {
    account,
    profile,
    profession,
    professions,
    types,
    ruleCount,
    documents,
    reached,
    state,
    loading,
    error,
    load,
    loadTypes,
    loadDocuments,
    loadRules,
    reach,
  };
}

export type Onboarding = ReturnType<typeof useOnboarding>;
