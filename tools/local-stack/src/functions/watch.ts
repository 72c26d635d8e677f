// Calls back once per burst of changes under the functions folder or to config.toml (an editor's
// save is several events), ignoring test files, which never change what is served.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

const IGNORED = /(?:[._]test\.ts$|\.swp$|~$|^4913$)/;

export function watchFunctions(
  functionsDir: string,
  configToml: string,
  onChange: (file: string) => void,
  debounceMs = 250,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const changed = (file: string) => {
    if (IGNORED.test(path.basename(file))) return;
    last = file;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(last), debounceMs);
  };
  const watchers: FSWatcher[] = [
    watch(functionsDir, { recursive: true }, (_event, name) =>
      changed(path.join(functionsDir, String(name ?? ''))),
    ),
    // The folder, not the file: editors save by renaming a new file over the old one.
    watch(path.dirname(configToml), (_event, name) => {
      if (name === path.basename(configToml)) changed(configToml);
    }),
  ];
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
