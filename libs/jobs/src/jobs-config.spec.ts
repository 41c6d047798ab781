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
      reconcileIntervalMs: 60000,
      reconcileGraceMs: 60000,
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
      JOB_RECONCILE_INTERVAL_MS: '250',
      JOB_RECONCILE_GRACE_MS: '0',
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
      reconcileIntervalMs: 250,
      reconcileGraceMs: 0,
    });
    expect(loadConfig({ JOB_RECONCILE_INTERVAL_MS: '0' }).jobs.reconcileIntervalMs).toBe(0);
  });

  it.each([
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must be a redis:\/\//],
    ['REDIS_URL', 'http://localhost:6379', /REDIS_URL must be a redis:\/\//],
    ['JOB_QUEUE_PREFIX', 'tel:prod', /JOB_QUEUE_PREFIX/],
    ['JOB_ATTEMPTS', '0', /JOB_ATTEMPTS must be between 1 and 20/],
    ['JOB_ATTEMPTS', 'three', /JOB_ATTEMPTS must be a whole number/],
    ['JOB_CONCURRENCY', '65', /JOB_CONCURRENCY must be between 1 and 64/],
    ['OUTBOX_DRAIN_INTERVAL_MS', '5', /OUTBOX_DRAIN_INTERVAL_MS must be between 20/],
    ['JOB_RECONCILE_INTERVAL_MS', '50', /JOB_RECONCILE_INTERVAL_MS must be 0 \(off\) or at least 100/],
    ['JOB_RECONCILE_INTERVAL_MS', '-1', /JOB_RECONCILE_INTERVAL_MS must be a whole number/],
    ['JOB_RECONCILE_GRACE_MS', 'soon', /JOB_RECONCILE_GRACE_MS must be a whole number/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
