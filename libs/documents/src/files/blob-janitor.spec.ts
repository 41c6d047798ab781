import { Logger } from '@nestjs/common';
import type { UnitOfWork } from '@tel/core';
import type { FileStorage } from '@tel/storage';
import { BlobJanitor } from './blob-janitor';

describe('BlobJanitor staging sweeps', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-23T09:00:00Z') });
    jest.spyOn(Logger.prototype, 'log').mockImplementation();
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  const janitorWith = (config: { stagingMaxAgeSeconds: number; stagingSweepIntervalSeconds: number }) => {
    const cutoffs: Date[] = [];
    const storage = {
      sweepStaging: jest.fn((olderThan: Date) => {
        cutoffs.push(olderThan);
        return Promise.resolve(0);
      }),
      list: async function* () {},
    } as unknown as FileStorage;
    const uow = { manager: {} } as unknown as UnitOfWork;
    return { janitor: new BlobJanitor(uow, storage, config), cutoffs };
  };

  it.each([
    ['the defaults', 300, 60],
    ['a minute old, every ten seconds', 60, 10],
  ])('sweeps staged copies with the configured age and interval: %s', async (_label, maxAge, interval) => {
    const { janitor, cutoffs } = janitorWith({ stagingMaxAgeSeconds: maxAge, stagingSweepIntervalSeconds: interval });
    janitor.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(cutoffs).toHaveLength(1); // at start-up
    await jest.advanceTimersByTimeAsync(interval * 1000 * 3);
    expect(cutoffs).toHaveLength(4);
    const now = Date.now();
    expect(now - cutoffs[3].getTime()).toBe(maxAge * 1000);
    await janitor.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(interval * 1000 * 3);
    expect(cutoffs).toHaveLength(4);
  });
});
