import { ConfigError, loadConfig } from '@tel/core';

describe('jobs configuration', () => {
  it('has defaults that run jobs inline', () => {
    expect(loadConfig({}).jobs).toEqual({
      redisUrl: undefined,
      queuePrefix: 'tel',
      attempts: 3,
      backoffMs: 5000,
      concurrency: 2,
      outboxDrainIntervalMs: 1000,
      shutdownTimeoutMs: 30000,
      retentionHours: 168,
    });
  });

  it('reads every variable', () => {
    const jobs = loadConfig({
      REDIS_URL: ' redis://:secret@redis.internal:6380/2 ',
      JOB_QUEUE_PREFIX: 'tel-prod',
      JOB_ATTEMPTS: '5',
      JOB_BACKOFF_MS: '250',
      JOB_CONCURRENCY: '4',
      OUTBOX_DRAIN_INTERVAL_MS: '500',
      JOB_SHUTDOWN_TIMEOUT_MS: '0',
      JOB_RETENTION_HOURS: '24',
    }).jobs;
    expect(jobs).toEqual({
      redisUrl: 'redis://:secret@redis.internal:6380/2',
      queuePrefix: 'tel-prod',
      attempts: 5,
      backoffMs: 250,
      concurrency: 4,
      outboxDrainIntervalMs: 500,
      shutdownTimeoutMs: 0,
      retentionHours: 24,
    });
  });

  it.each([
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must be a redis:\/\//],
    ['REDIS_URL', 'http://localhost:6379', /REDIS_URL must be a redis:\/\//],
    ['JOB_QUEUE_PREFIX', 'tel:prod', /JOB_QUEUE_PREFIX/],
    ['JOB_ATTEMPTS', '0', /JOB_ATTEMPTS must be between 1 and 20/],
    ['JOB_ATTEMPTS', 'three', /JOB_ATTEMPTS must be a whole number/],
    ['JOB_CONCURRENCY', '65', /JOB_CONCURRENCY must be between 1 and 64/],
    ['OUTBOX_DRAIN_INTERVAL_MS', '5', /OUTBOX_DRAIN_INTERVAL_MS must be between 20/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
