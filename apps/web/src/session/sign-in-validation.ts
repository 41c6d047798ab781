/** A field in error and what to tell the person, GOV.UK style ("Enter …"). */
export interface FieldError {
  field: 'email' | 'password';
  message: string;
}

export function validateSignIn(email: string, password: string): FieldError[] {
  const errors: FieldError[] = [];
  const trimmed = email.trim();
  if (!trimmed) errors.push({ field: 'email', message: 'Enter your email address' });
  else if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (!password) errors.push({ field: 'password', message: 'Enter your password' });
  return errors;
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
