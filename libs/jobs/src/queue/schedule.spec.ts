import { InlineJobQueue } from './inline-job-queue';
import { assertScheduledTask, describeRepeat, msUntilHourUtc } from './job-queue';

describe('msUntilHourUtc', () => {
  it.each([
    ['2026-01-01T05:30:00Z', 6, 30 * 60_000],
    ['2026-01-01T06:00:00Z', 6, 24 * 3600_000],
    ['2026-01-01T06:00:01Z', 6, 24 * 3600_000 - 1000],
    ['2026-12-31T23:00:00Z', 0, 3600_000],
  ])('from %s to the next %i:00 UTC', (now, hour, ms) => {
    expect(msUntilHourUtc(new Date(now), hour)).toBe(ms);
  });
});

describe('assertScheduledTask', () => {
  const run = () => Promise.resolve();
  it.each([
    [{ name: 'Bad Name', repeat: { everyMs: 1000 }, run }, /lower-case/],
    [{ name: 'fast', repeat: { everyMs: 999 }, run }, /everyMs ≥ 1000/],
    [{ name: 'late', repeat: { dailyAtHourUtc: 24 }, run }, /dailyAtHourUtc 0–23/],
  ])('refuses %j', (task, message) => {
    expect(() => assertScheduledTask(task)).toThrow(message);
  });
  it('describes a repeat for people', () => {
    expect(describeRepeat({ everyMs: 60_000 })).toBe('every 60000 ms');
    expect(describeRepeat({ dailyAtHourUtc: 6 })).toBe('daily at 06:00 UTC');
  });
});

describe('InlineJobQueue.schedule: a timer in this process', () => {
  let queue: InlineJobQueue;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T05:30:00Z') });
    queue = new InlineJobQueue(new Map(), { concurrency: 1, shutdownTimeoutMs: 1000 });
  });
  afterEach(async () => {
    await queue.close();
    jest.useRealTimers();
  });

  it('runs every everyMs, never two passes of one task at once, and stops on close', async () => {
    let runs = 0;
    let release: (() => void) | null = null;
    await queue.schedule({ name: 'every-second', repeat: { everyMs: 1000 }, run: async () => void runs++ });
    await jest.advanceTimersByTimeAsync(3500);
    expect(runs).toBe(3);

    let slow = 0;
    await queue.schedule({ name: 'slow', repeat: { everyMs: 1000 }, run: () => new Promise<void>((resolve) => (slow++, (release = resolve))) });
    await jest.advanceTimersByTimeAsync(5000);
    expect(slow).toBe(1); // still running: the later ticks are skipped
    release!();
    await jest.advanceTimersByTimeAsync(1000);
    expect(slow).toBe(2);
    release!();

    await queue.close();
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(3 + 6);
    await expect(queue.schedule({ name: 'late', repeat: { everyMs: 1000 }, run: async () => undefined })).rejects.toThrow(/shutting down/);
  });

  it('runs daily at the hour (UTC), and a failing pass does not stop the schedule', async () => {
    const at: string[] = [];
    await queue.schedule({
      name: 'digest',
      repeat: { dailyAtHourUtc: 6 },
      run: async () => {
        at.push(new Date().toISOString());
        throw new Error('labelled: an expected failure of the pass');
      },
    });
    jest.spyOn(queue['logger'], 'error').mockImplementation(() => undefined);
    await jest.advanceTimersByTimeAsync(29 * 60_000);
    expect(at).toEqual([]);
    await jest.advanceTimersByTimeAsync(60_000);
    await jest.advanceTimersByTimeAsync(24 * 3600_000);
    expect(at).toEqual(['2026-01-01T06:00:00.000Z', '2026-01-02T06:00:00.000Z']);
  });

  it('replaces the schedule of a name scheduled again', async () => {
    let first = 0;
    let second = 0;
    await queue.schedule({ name: 'same', repeat: { everyMs: 1000 }, run: async () => void first++ });
    await queue.schedule({ name: 'same', repeat: { everyMs: 2000 }, run: async () => void second++ });
    await jest.advanceTimersByTimeAsync(4100);
    expect([first, second]).toEqual([0, 2]);
  });
});
