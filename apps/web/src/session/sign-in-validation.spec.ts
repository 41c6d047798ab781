import { safeNext, validateSignIn } from './sign-in-validation';

describe('sign-in form', () => {
  it('asks for what is missing or malformed', () => {
    expect(validateSignIn('', '')).toEqual([
      { field: 'email', message: 'Enter your email address' },
      { field: 'password', message: 'Enter your password' },
    ]);
    expect(validateSignIn('not-an-email', 'x')).toEqual([{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }]);
    expect(validateSignIn(' a@b.example ', 'pw')).toEqual([]);
  });

  it.each([
    [null, '/'],
    ['/documents/2008-TELWG37-SPSG-006', '/documents/2008-TELWG37-SPSG-006'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
  ])('goes on to %s as %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
