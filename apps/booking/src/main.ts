// Start-up of the booking app: styles, then the shared Carebook set-up, then mount.
import { createApp } from 'vue';
import { installCarebook } from '@carebook/shell';
import '@quasar/extras/roboto-font/roboto-font.css';
import '@quasar/extras/material-icons/material-icons.css';
import 'quasar/src/css/index.sass';
import '@carebook/shell/css/app.css';
import App from './App.vue';
import { env } from './app-env.ts';
import { bookingMessages } from './i18n/messages.ts';
import { createBookingRouter } from './router.ts';

const app = createApp(App);
installCarebook(app, {
  supabaseUrl: env.supabaseUrl,
  supabaseAnonKey: env.supabaseAnonKey,
  messages: bookingMessages,
  router: createBookingRouter(),
});
app.mount('#app');
