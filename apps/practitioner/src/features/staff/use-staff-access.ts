// Whether the signed-in person is staff, asked once per signed-in user and shared by the header
// menu and the /staff pages. Only decides what the app shows: the server refuses non-staff anyway.
import { computed, shallowRef, watch, type ComputedRef } from 'vue';
import { amIStaff, type DataError } from '@carebook/data';
import { useCarebookClient, useSession } from '@carebook/shell';

export type StaffAccess = 'checking' | 'staff' | 'denied' | 'error';

const state = shallowRef<StaffAccess>('checking');
const failure = shallowRef<DataError | null>(null);
// undefined: not asked yet; null: asked for nobody (signed out).
let askedFor: string | null | undefined;

export function useStaffAccess(): {
  access: ComputedRef<StaffAccess>;
  error: ComputedRef<DataError | null>;
  recheck: () => Promise<void>;
} {
  const client = useCarebookClient();
  const session = useSession();

  async function ask(userId: string | null): Promise<void> {
    askedFor = userId;
    failure.value = null;
    if (!userId) {
      state.value = 'denied';
      return;
    }
    state.value = 'checking';
    const result = await amIStaff(client);
    if (askedFor !== userId) return; // someone else signed in meanwhile
    if (result.ok) state.value = result.data ? 'staff' : 'denied';
    else {
      failure.value = result.error;
      state.value = 'error';
    }
  }

  watch(
    () => (session.ready ? (session.user?.id ?? null) : undefined),
    (userId) => {
      if (userId !== undefined && userId !== askedFor) void ask(userId);
    },
    { immediate: true },
  );

  return {
    access: computed(() => state.value),
    error: computed(() => failure.value),
    recheck: () => ask(session.user?.id ?? null),
  };
}
