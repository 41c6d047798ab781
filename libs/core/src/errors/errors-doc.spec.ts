import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from './app-error';
import { GraphQLError, Kind, OperationDefinitionNode, parse } from 'graphql';
import { toClientError } from './client-error';
import { inputPaths } from './format-graphql-error';
import { ERROR_REASONS, ErrorCode, httpStatusOfReason } from './error-reasons';
import { errorsMarkdown } from './errors-doc';

describe('the error catalogue', () => {
  it('docs/ERRORS.md is what `npm run errors:list` writes from it (run that and commit)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'ERRORS.md'), 'utf8');
    expect(committed).toBe(errorsMarkdown());
  });

  it('names every reason in upper snake case, with a code that has a status', () => {
    for (const [reason, spec] of Object.entries(ERROR_REASONS)) {
      expect(reason).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(spec.when.length).toBeGreaterThan(10);
      expect(httpStatusOfReason(reason as keyof typeof ERROR_REASONS)).toBeGreaterThanOrEqual(400);
    }
  });

  it('gives an AppError the code and status of its reason', () => {
    const error = AppError.badInput('UPLOAD_TYPE_REFUSED', 'no', { field: 'file' });
    expect([error.code, error.httpStatus, error.field]).toEqual([ErrorCode.BAD_USER_INPUT, 415, 'file']);
    expect(AppError.notFound('DOCUMENT_NOT_FOUND', 'Document', 'x').httpStatus).toBe(404);
    expect(new AppError('STEP_NOT_NEXT', 'later').code).toBe(ErrorCode.INVALID_STATE);
  });

  it('maps one error the same way for every transport: code, reason, field, status, message', () => {
    const client = toClientError(AppError.badInput('INPUT_INVALID', 'bad', { fields: ['input.number', 'input.title'] }));
    expect(client).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'INPUT_INVALID', field: 'input.number', message: 'bad', internal: false });
    expect(client.details).toEqual({ fields: ['input.number', 'input.title'] });
    expect(toClientError(new TypeError('x is undefined'))).toMatchObject({
      status: 500,
      code: 'INTERNAL_SERVER_ERROR',
      reason: 'INTERNAL',
      message: 'Internal server error',
      internal: true,
    });
    expect(toClientError(Object.assign(new Error('too large'), { type: 'entity.too.large' }))).toMatchObject({ status: 413, reason: 'BODY_TOO_LARGE' });
    expect(toClientError(Object.assign(new Error('bad json'), { type: 'entity.parse.failed' }))).toMatchObject({ status: 400, reason: 'BODY_MALFORMED' });
    expect(toClientError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({
      status: 503,
      reason: 'DEPENDENCY_UNAVAILABLE',
      unavailable: true,
    });
  });

  it("gives GraphQL request errors a reason, and keeps a hardening limit's own", () => {
    expect(toClientError(new Error('x'), { code: 'GRAPHQL_PARSE_FAILED', message: 'Syntax Error: Document contains more than 3000 tokens. Parsing aborted.' }).reason).toBe(
      'QUERY_TOO_LARGE',
    );
    expect(toClientError(new Error('x'), { code: 'GRAPHQL_PARSE_FAILED', message: 'Syntax Error: Unexpected Name "x".' }).reason).toBe('GRAPHQL_PARSE');
    expect(toClientError(new Error('x'), { code: 'GRAPHQL_VALIDATION_FAILED', message: 'too deep', reason: 'QUERY_TOO_DEEP' })).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'QUERY_TOO_DEEP',
    });
    // A reason that does not belong to the code is not trusted.
    expect(toClientError(new Error('x'), { code: 'GRAPHQL_VALIDATION_FAILED', message: 'm', reason: 'LOGIN_FAILED' }).reason).toBe('GRAPHQL_VALIDATION');
    expect(toClientError(new Error('x'), { code: 'SOMETHING_ELSE', message: 'secret' })).toMatchObject({ reason: 'INTERNAL', message: 'Internal server error' });
  });

  it('over GraphQL, names a field by its path from the input argument (not an argument or a header twice)', () => {
    const operation = parse('mutation { addRevision(input: { symbol: "x" }) { number } document(symbol: "y") { title } }');
    const fields = (operation.definitions[0] as OperationDefinitionNode).selectionSet.selections;
    const at = (i: number, error: AppError) => inputPaths(toClientError(error), new GraphQLError('m', { nodes: [fields[i]] }));
    expect(fields[0].kind).toBe(Kind.FIELD);
    expect(at(0, AppError.badInput('REVISION_MALFORMED', 'm', { field: 'number' })).field).toBe('input.number');
    expect(at(0, AppError.badInput('MEETING_DATES_INVALID', 'm', { fields: ['startDate', 'endDate'] })).details.fields).toEqual(['input.startDate', 'input.endDate']);
    expect(at(0, AppError.badInput('INPUT_INVALID', 'm', { field: 'input.title' })).field).toBe('input.title');
    expect(at(0, AppError.badInput('IDEMPOTENCY_KEY_MALFORMED', 'm', { field: 'Idempotency-Key' })).field).toBe('Idempotency-Key');
    expect(at(1, AppError.badInput('SYMBOL_MALFORMED', 'm', { field: 'symbol' })).field).toBe('symbol');
  });
});
