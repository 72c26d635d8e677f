// The signed-in practitioner's profile and active consultation types, which the availability
// editor and the onboarding wizard both start from.
import { ref, shallowRef } from 'vue';
import {
  getMyPractitionerProfile,
  listConsultationTypes,
  type CarebookClient,
  type ConsultationType,
  type DataError,
  type MyPractitionerProfile,
} from '@carebook/data';

export function usePractice(client: CarebookClient) {
  const profile = shallowRef<MyPractitionerProfile | null>(null);
  const types = shallowRef<ConsultationType[]>([]);
  const loading = ref(true);
  const error = shallowRef<DataError | null>(null);

  async function loadTypes(): Promise<void> {
    if (!profile.value) {
      types.value = [];
      return;
    }
    const listed = await listConsultationTypes(client, profile.value.id, { activeOnly: true });
    if (listed.ok) types.value = listed.data;
    else error.value = listed.error;
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    const mine = await getMyPractitionerProfile(client);
    if (!mine.ok) error.value = mine.error;
    else {
      profile.value = mine.data;
      await loadTypes();
    }
    loading.value = false;
  }

  return { profile, types, loading, error, load, loadTypes };
}
