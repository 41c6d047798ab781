import { backoffDelay } from './retry-policy';

describe('backoffDelay', () => {
  it.each([
    [1, 1000, 1000],
    [2, 1000, 2000],
    [3, 1000, 4000],
    [5, 500, 8000],
    [0, 1000, 1000],
    [30, 1000, 3600_000],
  ])('after attempt %i with a %i ms base waits %i ms', (attempt, base, expected) => {
    expect(backoffDelay(attempt, base)).toBe(expected);
  });
});
