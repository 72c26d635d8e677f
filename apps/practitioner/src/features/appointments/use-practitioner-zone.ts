// The practitioner's own time zone (their profile's IANA name), in which the workspace writes
// every date; the browser's until it is known, or when they have no profile yet.
import { onMounted, ref } from 'vue';
import { getMyPractitionerProfile } from '@carebook/data';
import { useCarebookClient } from '@carebook/shell';
import { readerTimeZone } from '@carebook/ui';

export function usePractitionerZone() {
  const client = useCarebookClient();
  const zone = ref(readerTimeZone());
  const ready = ref(false);
  onMounted(async () => {
    const mine = await getMyPractitionerProfile(client);
    if (mine.ok && mine.data?.timeZone) zone.value = mine.data.timeZone;
    ready.value = true;
  });
  return { zone, ready };
}
