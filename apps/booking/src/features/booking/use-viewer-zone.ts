// The zone times are shown in: the signed-in person's profile zone, else the browser's.
import { ref } from 'vue';
import { getMyProfile, type CarebookClient } from '@carebook/data';

export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Paris';

export function useViewerZone(client: CarebookClient) {
  const zone = ref(browserZone());
  async function refresh(signedIn: boolean): Promise<void> {
    if (!signedIn) {
      zone.value = browserZone();
      return;
    }
    const profile = await getMyProfile(client);
    if (profile.ok) zone.value = profile.data.timeZone;
  }
  return { zone, refresh };
}
