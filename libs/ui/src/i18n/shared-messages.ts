// The texts of both apps' shared screens, in French (the default) and English: the components
// here, the shell's pages, and a sentence for every refusal code. One catalogue, so the parity
// spec beside it checks every shared key in both languages.
import type { Locale } from '@carebook/domain';
import { fr, type MessageSchema } from './messages-fr.ts';
import { en } from './messages-en.ts';

export type { MessageSchema };

export const sharedMessages: Record<Locale, MessageSchema> = { fr, en };
