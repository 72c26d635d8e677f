// Shapes the fakes share. The stack's own types (StackConfig, RunningService, Logger) live in
// tools/local-stack, which imports this package: we restate the small part we need instead of
// importing it back, so the two projects never form a dependency cycle. StackConfig satisfies
// FakesConfig structurally.

export interface FakesConfig {
  host: string;
  ports: { fakes: number; inbox: number };
  dirs: { root: string };
}

export interface RunningService {
  name: string;
  url: string;
  stop(): Promise<void>;
}

export type Logger = (line: string) => void;

/** One e-mail or SMS as the inbox shows it, whichever fake received it. */
export interface InboxMessage {
  id: string;
  type: 'email' | 'sms';
  /** Which fake took the message, e.g. "brevo". */
  provider: string;
  /** The id the provider answered to the sender (Brevo's messageId), to correlate with logs. */
  providerMessageId: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  text: string;
  links: string[];
  tags: string[];
  createdAt: string;
}
