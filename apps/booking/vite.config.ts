// The Vite set-up both apps share lives in @carebook/shell/vite. The local stack starts this with
// CAREBOOK_BOOKING_PORT set.
import { fileURLToPath } from 'node:url';
import { carebookViteConfig } from '@carebook/shell/vite';

export default carebookViteConfig({
  appDir: fileURLToPath(new URL('.', import.meta.url)),
  portEnv: 'CAREBOOK_BOOKING_PORT',
  defaultPort: 9000,
  // The home (search) page: its frame and page are lazy route chunks.
  initialJs: {
    label: 'booking search page',
    routeModules: ['layout/AppLayout.vue', 'features/search/SearchPage.vue'],
    budgetKb: 250,
  },
});
