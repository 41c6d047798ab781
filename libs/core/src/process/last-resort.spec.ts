import { execFile } from 'node:child_process';
import * as path from 'node:path';

/** Runs `body` in a child Node process (a process's last-resort handlers cannot be tried inside jest's). */
function runChild(body: string): Promise<{ code: number | null; output: string }> {
  const script = `
    const { installLastResortHandlers, runInRequestScope } = require(${JSON.stringify(path.join(__dirname, 'last-resort'))});
    ${body}
  `;
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: path.resolve(__dirname, '../../../..'), timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('installLastResortHandlers', () => {
  it('logs an uncaught exception and an unhandled rejection with the request id, and the process goes on', async () => {
    const { code, output } = await runChild(`
      installLastResortHandlers('API');
      runInRequestScope(() => 'req-4711', () => setTimeout(() => { throw new Error('thrown from a timer'); }, 10));
      runInRequestScope(() => 'req-4712', () => { Promise.reject(new Error('rejected, no one listening')); });
      setTimeout(() => { throw new Error('outside any request'); }, 20);
      setTimeout(() => { console.log('still serving'); process.exit(0); }, 200);
    `);
    expect(output).toMatch(/uncaught exception in the API during request req-4711; still serving\. Error: thrown from a timer/);
    expect(output).toMatch(/unhandled promise rejection in the API during request req-4712; still serving\. Error: rejected, no one listening/);
    expect(output).toMatch(/uncaught exception in the API \(no request known\); still serving\. Error: outside any request/);
    expect(output).toContain('still serving');
    expect(code).toBe(0);
  });

  it('without it, the same exception ends the process (what the handler is for)', async () => {
    const { code, output } = await runChild(`
      setTimeout(() => { throw new Error('thrown from a timer'); }, 10);
      setTimeout(() => { console.log('still serving'); process.exit(0); }, 200);
    `);
    expect(code).not.toBe(0);
    expect(output).not.toContain('still serving');
  });
});
