import { ERROR_REASONS, ErrorReason, httpStatusOfReason } from './error-reasons';

/** docs/ERRORS.md, written from the catalogue by `npm run errors:list` (a unit test checks it is current). */
export function errorsMarkdown(): string {
  const rows = (Object.keys(ERROR_REASONS) as ErrorReason[]).map((reason) => {
    const { code, when } = ERROR_REASONS[reason];
    return `| \`${reason}\` | \`${code}\` | ${httpStatusOfReason(reason)} | ${when.replace(/\|/g, '\\|')} |`;
  });
  return [
    '# Errors',
    '',
    '<!-- Written by `npm run errors:list` from libs/core/src/errors/error-reasons.ts; do not edit by hand. -->',
    '',
    'Every error the API answers carries a **code** (a few broad classes) and a **reason** (what exactly went wrong).',
    'Clients branch on `reason` (or `code`); the message is for people and may change. Input errors also name the',
    '**field** at fault: over GraphQL its path from the argument (`input.number`, `filter.agendaItem`, `symbol`), over REST',
    'the body property or path parameter (`password`, `symbol`); a header by its name (`Idempotency-Key`).',
    '',
    '- GraphQL: `errors[].extensions` = `{ code, reason, field?, requestId, … }` (plus details such as `retryAfterSeconds`, `currentVersion`, `fields`).',
    '- REST: `{ "error": { "code", "reason", "field"?, "message", "requestId" } }` with the HTTP status below (and `Retry-After` when the error says when to retry).',
    '- Over GraphQL an operation that ran answers 200 whatever its errors, except SERVICE_UNAVAILABLE (503); request errors (parse, validation) answer 400.',
    '- A NOT_FOUND reason is the same whether the thing does not exist or the caller may not see it.',
    '',
    '| Reason | Code | HTTP | When |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
