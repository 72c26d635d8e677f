// GET /health and GET /settings: what clients and dashboards probe before anything else.
import type { AuthContext } from '../context.ts';
import { jsonReply, type AuthReply } from '../http.ts';

export function handleHealth(): AuthReply {
  return jsonReply({
    version: 'local',
    name: 'GoTrue',
    description: 'Carebook local emulator of the GoTrue (Supabase Auth) API',
  });
}

const OAUTH_PROVIDERS = [
  'anonymous_users',
  'apple',
  'azure',
  'bitbucket',
  'discord',
  'facebook',
  'snapchat',
  'figma',
  'fly',
  'github',
  'gitlab',
  'google',
  'keycloak',
  'kakao',
  'linkedin',
  'linkedin_oidc',
  'notion',
  'spotify',
  'slack',
  'slack_oidc',
  'workos',
  'twitch',
  'twitter',
  'phone',
  'zoom',
];

export function handleSettings(ctx: AuthContext): AuthReply {
  // Only e-mail sign-in exists here; every other provider reports disabled.
  const external: Record<string, boolean> = { email: true };
  for (const name of OAUTH_PROVIDERS) external[name] = false;
  return jsonReply({
    external,
    disable_signup: !ctx.settings.signupEnabled,
    mailer_autoconfirm: ctx.settings.autoconfirm,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  });
}
