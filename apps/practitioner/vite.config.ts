// The Vite set-up both apps share lives in @carebook/shell/vite. The local stack starts this with
// CAREBOOK_PRACTITIONER_PORT set.
import { fileURLToPath } from 'node:url';
import { carebookViteConfig } from '@carebook/shell/vite';

export default carebookViteConfig({
  appDir: fileURLToPath(new URL('.', import.meta.url)),
  portEnv: 'CAREBOOK_PRACTITIONER_PORT',
  defaultPort: 9100,
});
