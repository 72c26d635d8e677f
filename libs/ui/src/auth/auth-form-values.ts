// What AuthForm emits: values already cleaned by the domain rules (trimmed, lower-cased e-mail).
export type AuthMode = 'sign-in' | 'sign-up';

export interface AuthFormValues {
  email: string;
  /** Only on sign-in: sign-up asks for the address first, the password after the link. */
  password?: string;
  /** Only on sign-up. */
  fullName?: string;
}
