// Saves a text a moment after the person stops typing (and at once on flush, e.g. on blur), one
// save at a time: edits made during a save are saved right after it, never lost or reordered.
import { onScopeDispose, ref, shallowRef } from 'vue';
import type { DataError, Result } from '@carebook/data';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface AutosaveOptions {
  /** Quiet time after the last edit before saving. */
  delayMs?: number;
}

export function useAutosave(
  save: (text: string) => Promise<Result<{ updatedAt: string }>>,
  options: AutosaveOptions = {},
) {
  const delayMs = options.delayMs ?? 800;
  const state = ref<SaveState>('idle');
  const savedAt = ref<string | null>(null);
  const error = shallowRef<DataError | null>(null);
  let saved: string | null = null; // the text the server has
  let pending: string | null = null; // the latest text, not saved yet
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;

  /** The text as loaded: nothing to save until it changes. */
  function reset(text: string, at: string | null = null): void {
    saved = text;
    pending = null;
    savedAt.value = at;
    state.value = 'idle';
    error.value = null;
  }

  function schedule(text: string): void {
    pending = text;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  }

  async function loop(): Promise<void> {
    while (pending !== null && pending !== saved) {
      const text = pending;
      state.value = 'saving';
      const result = await save(text);
      if (!result.ok) {
        state.value = 'failed';
        error.value = result.error;
        return; // pending stays: retry() or the next edit tries again
      }
      saved = text;
      if (pending === text) pending = null;
      savedAt.value = result.data.updatedAt;
      error.value = null;
      state.value = 'saved';
    }
    pending = null;
  }

  /** Saves now what is pending; resolves when the text on screen is saved (or failed). */
  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!running) {
      running = loop().finally(() => {
        running = null;
      });
      return running;
    }
    // A save is under way: the loop picks the newer text up when it returns.
    return running.then(() =>
      pending !== null && pending !== saved && state.value !== 'failed' ? flush() : undefined,
    );
  }

  function retry(): Promise<void> {
    return flush();
  }

  onScopeDispose(() => {
    // Leaving the page: what was typed still goes out.
    if (timer && pending !== null && pending !== saved) void flush();
    else if (timer) clearTimeout(timer);
  });

  return { state, savedAt, error, reset, schedule, flush, retry };
}
