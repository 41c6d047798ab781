import { assertJobId, assertJobPayload, defaultJobId, defineJob } from './job-definition';

describe('job definitions', () => {
  const FILE_JOB = defineJob<{ fileId: string }>('extract-text', { key: (p) => p.fileId });

  it('derives the default job id from the name and the key', () => {
    expect(defaultJobId(FILE_JOB, { fileId: '5f0c8a6e-0000-4000-8000-000000000001' })).toBe('extract-text.5f0c8a6e-0000-4000-8000-000000000001');
  });

  it.each([
    ['Extract', /job name "Extract"/],
    ['extract:text', /job name "extract:text"/],
    ['x', /job name "x"/],
  ])('refuses the job name %s', (name, message) => {
    expect(() => defineJob(name, { key: () => 'k' })).toThrow(message);
  });

  it('refuses non-positive retry settings', () => {
    expect(() => defineJob('bad-job', { key: () => 'k', attempts: 0 })).toThrow(/attempts must be a positive whole number/);
    expect(() => defineJob('bad-job', { key: () => 'k', backoffMs: 1.5 })).toThrow(/backoffMs/);
  });

  it.each([
    ['extract-text.abc', true],
    ['a.b_c-D9', true],
    ['42', false],
    ['has:colon', false],
    ['has space', false],
    ['', false],
    ['.starts-with-dot', false],
    ['x'.repeat(201), false],
  ])('job id %j is valid: %s', (jobId, valid) => {
    if (valid) expect(() => assertJobId(jobId)).not.toThrow();
    else expect(() => assertJobId(jobId)).toThrow();
  });

  it.each([
    [{ fileId: 'f', n: 1, ok: true, none: null }, null],
    [{ file: { id: 'f' } }, /payload field "file" must be a string, number, boolean or null/],
    [{ ids: ['a'] }, /payload field "ids"/],
    [{ at: new Date() }, /payload field "at"/],
    [{ n: Number.NaN }, /payload field "n"/],
    [{ text: 'x'.repeat(1001) }, /too long/],
    [['a'], /plain object/],
    [null, /plain object/],
  ])('payload %p', (payload, message) => {
    if (message) expect(() => assertJobPayload('j', payload)).toThrow(message);
    else expect(() => assertJobPayload('j', payload)).not.toThrow();
  });
});
