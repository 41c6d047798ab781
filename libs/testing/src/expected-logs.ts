import { Logger } from '@nestjs/common';

/**
 * Keeps the error and warning lines a test provokes on purpose out of the test output, so that a
 * real error stands out: lines matching `pattern` are held (and can be asserted on), every other
 * line is printed as usual. `restore()` puts the logger back.
 */
export function expectedLogs(pattern: RegExp): { held: string[]; restore(): void } {
  const held: string[] = [];
  const spies = (['error', 'warn'] as const).map((level) => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the logger it belongs to, so `this` is right
    const original = Logger.prototype[level];
    return jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, message: unknown, ...rest: unknown[]) {
      const text = message instanceof Error ? (message.stack ?? message.message) : String(message);
      if (pattern.test(text)) {
        held.push(text);
        return;
      }
      return original.call(this, message, ...rest);
    });
  });
  return { held, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
