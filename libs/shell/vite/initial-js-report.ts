// Prints, after each build, the JavaScript a visitor downloads before the first page shows: the
// entry chunk, the lazily loaded chunks of the first route (its layout and page), and every chunk
// they import statically, gzipped. Issue 12 asks it of the booking app's search page (< 250 KB).
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface InitialJsOptions {
  /** Ends of the module paths the first route loads lazily, e.g. 'features/search/SearchPage.vue'. */
  routeModules: string[];
  /** Above this many gzipped KB the report says so (the build does not fail). */
  budgetKb: number;
  label: string;
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
}

/** The chunks loaded for the first page: the entry and route chunks with their static imports. */
export function initialChunks(chunks: ChunkLike[], routeModules: string[]): ChunkLike[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (c: ChunkLike) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const name of c.imports) {
      const next = byName.get(name);
      if (next) visit(next);
    }
  };
  for (const c of chunks) {
    const route = routeModules.some((m) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(m));
    if (c.isEntry || route) visit(c);
  }
  return chunks.filter((c) => seen.has(c.fileName));
}

export function initialJsReport(options: InitialJsOptions): Plugin {
  return {
    name: 'carebook-initial-js-report',
    apply: 'build',
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((o): o is typeof o & ChunkLike => o.type === 'chunk');
      const initial = initialChunks(chunks, options.routeModules);
      const found = options.routeModules.filter((m) =>
        initial.some((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(m)),
      );
      const gz = initial.reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
      const kb = gz / 1024;
      const verdict = kb <= options.budgetKb ? 'within' : 'OVER';
      this.info(
        `${options.label}: initial JavaScript ${kb.toFixed(1)} KB gzipped in ${initial.length} chunks ` +
          `(${verdict} the ${options.budgetKb} KB budget; route chunks found: ${found.join(', ') || 'none'})`,
      );
    },
  };
}
