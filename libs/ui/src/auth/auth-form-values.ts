// What AuthForm emits: values already cleaned by the domain rules (trimmed, lower-cased e-mail).
export type AuthMode = 'sign-in' | 'sign-up';

export interface AuthFormValues {
  email: string;
  password: string;
  /** Only on sign-up. */
  fullName?: string;
}
