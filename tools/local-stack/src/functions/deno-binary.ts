// Path of the Deno executable that the `deno` npm package ships. Its postinstall copies the binary
// next to it; when npm skipped the script, the package's own resolver finds (and links) it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function denoBinary(): string {
  const installApi = require('deno/install_api.cjs') as { runInstall(): string };
  return installApi.runInstall();
}
