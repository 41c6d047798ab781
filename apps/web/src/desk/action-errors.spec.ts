import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFailure } from './action-errors';

/** Every reason of the API's catalogue with its code, as docs/ERRORS.md lists them (a spec keeps that file in step). */
function catalogue(): [string, string][] {
  const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'ERRORS.md'), 'utf8');
  return [...doc.matchAll(/^\| `([A-Z0-9_]+)` \| `([A-Z0-9_]+)` \|/gm)].map((m) => [m[1], m[2]]);
}

describe('describeFailure', () => {
  it('says what is wrong from the reason, naming the field by its label', () => {
    expect(describeFailure('FIELD_REQUIRED', 'BAD_USER_INPUT', 'input.comment', { comment: 'comment for the overseer' })).toEqual({
      field: 'comment',
      reason: 'FIELD_REQUIRED',
      message: 'Enter comment for the overseer',
    });
    expect(describeFailure('DATE_MALFORMED', 'BAD_USER_INPUT', 'input.decidedOn', { decidedOn: 'Date decided' }).message).toBe(
      'Write date decided as a date, for example 2008-03-28',
    );
    expect(describeFailure('INPUT_INVALID', 'BAD_USER_INPUT', 'input.title', { title: 'title' }).message).toBe('Title is not valid');
  });

  it('says the account rules in words, with the field the server named', () => {
    expect(describeFailure('PASSWORD_CURRENT_WRONG', 'BAD_USER_INPUT', 'currentPassword')).toEqual({
      field: 'currentPassword',
      reason: 'PASSWORD_CURRENT_WRONG',
      message: 'The current password is not right',
    });
    expect(describeFailure('EMAIL_INVALID', 'BAD_USER_INPUT', 'email', { email: 'e-mail address' }).message).toBe('That is not an e-mail address: write it like name@example.org');
    expect(describeFailure('ACCOUNT_EXISTS', 'CONFLICT', null).message).toBe('An account for that e-mail address exists already');
  });

  it('says a busy or unavailable server in words whatever the reason, and a write conflict as one', () => {
    // Reasons of the codes TOO_MANY_REQUESTS and SERVICE_UNAVAILABLE fall back on their code's words.
    expect(describeFailure('DEPENDENCY_UNAVAILABLE', 'SERVICE_UNAVAILABLE', null).message).toBe('The service is unavailable for a moment: try again shortly');
    expect(describeFailure('SHUTTING_DOWN', 'SERVICE_UNAVAILABLE', null).message).toBe('The service is unavailable for a moment: try again shortly');
    expect(describeFailure('RATE_LIMITED', 'TOO_MANY_REQUESTS', null).message).toBe('Too many requests: wait a moment and try again');
    expect(describeFailure('WRITE_CONFLICT', 'SERVICE_UNAVAILABLE', null).message).toMatch(/^Someone else was saving a change .* Nothing was recorded; try again$/);
  });

  it('has words for every reason the API can answer, its own or its code’s', () => {
    const reasons = catalogue();
    expect(reasons.length).toBeGreaterThan(100);
    const bare = reasons.filter(([reason, code]) => describeFailure(reason, code, null).message.startsWith('The server refused this'));
    expect(bare).toEqual([]);
  });

  it('falls back on the code, then on the bare reason, never on the server text', () => {
    expect(describeFailure('SOMETHING_NEW', 'CONFLICT', null).message).toBe('Someone else changed this meanwhile: look again and retry');
    expect(describeFailure('SOMETHING_NEW', 'ODD', null).message).toBe('The server refused this (SOMETHING_NEW)');
    expect(describeFailure('VERSION_STALE', 'CONFLICT', null).message).toMatch(/^Someone else decided this step meanwhile/);
  });
});
