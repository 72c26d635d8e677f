// A choice made in a field whose details are still being read (a picked place's coordinates):
// what acts on the form (a search, a request) waits for the last one to land rather than going
// without what the field already shows.
export interface OnItsWay {
  /** Follows a choice on its way; a later one replaces it. */
  track<T>(arriving: Promise<T>): Promise<T>;
  /** Resolves once no choice is on its way (including one made while waiting). */
  landed(): Promise<void>;
}

export function onItsWay(): OnItsWay {
  let current: Promise<unknown> | null = null;
  return {
    track(arriving) {
      current = arriving;
      const clear = () => {
        if (current === arriving) current = null;
      };
      arriving.then(clear, clear);
      return arriving;
    },
    async landed() {
      while (current) await current.catch(() => undefined);
    },
  };
}
