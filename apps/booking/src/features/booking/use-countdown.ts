// A ticking "time left" for a hold, stopped when the component goes away.
import { computed, onScopeDispose, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { formatCountdown, remainingMs } from './countdown.ts';

export function useCountdown(expiresAt: MaybeRefOrGetter<string | null>, tickMs = 1000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), tickMs);
  onScopeDispose(() => clearInterval(timer));
  const left = computed(() => {
    const at = toValue(expiresAt);
    return at ? remainingMs(at, now.value) : 0;
  });
  return {
    left,
    expired: computed(() => toValue(expiresAt) !== null && left.value === 0),
    label: computed(() => formatCountdown(left.value)),
  };
}
