import { execFile } from 'node:child_process';
import * as path from 'node:path';

/** Runs `body` in a child Node process (a process's last-resort handlers cannot be tried inside jest's). */
function runChild(body: string): Promise<{ code: number | null; output: string }> {
  const script = `
    const { installLastResortHandlers, trackRequest } = require(${JSON.stringify(path.join(__dirname, 'last-resort'))});
    ${body}
  `;
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: path.resolve(__dirname, '../../../..'), timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('installLastResortHandlers', () => {
  it('logs an uncaught exception and an unhandled rejection with the requests in flight, and the process goes on', async () => {
    const { code, output } = await runChild(`
      installLastResortHandlers('API');
      // One request in flight: the failure is named after it.
      const done4711 = trackRequest(() => 'req-4711');
      setTimeout(() => { throw new Error('thrown from a timer'); }, 10);
      setTimeout(() => { Promise.reject(new Error('rejected, no one listening')); }, 20);
      // Answered: it is no longer a candidate. Two others in flight, one not yet given its id.
      setTimeout(() => {
        done4711();
        trackRequest(() => 'req-4712');
        trackRequest(() => undefined);
        throw new Error('while two were in flight');
      }, 30);
      setTimeout(() => { Promise.reject(new Error('rejected, twelve in flight')); for (let i = 0; i < 10; i++) trackRequest(() => 'req-x' + i); }, 40);
      setTimeout(() => { console.log('still serving'); process.exit(0); }, 200);
    `);
    expect(output).toMatch(/uncaught exception in the API during request req-4711; still serving\. Error: thrown from a timer/);
    expect(output).toMatch(/unhandled promise rejection in the API during request req-4711; still serving\. Error: rejected, no one listening/);
    expect(output).toMatch(/uncaught exception in the API while 2 requests were in flight \(req-4712, \(id not yet given\)\); still serving\. Error: while two were in flight/);
    expect(output).toMatch(
      /unhandled promise rejection in the API while 12 requests were in flight \(req-4712, \(id not yet given\), req-x0, req-x1, req-x2, req-x3, req-x4, req-x5, req-x6, req-x7, …\); still serving\. Error: rejected, twelve in flight/,
    );
    expect(output).toContain('still serving');
    expect(code).toBe(0);
  });

  it('says so when no request is in flight', async () => {
    const { code, output } = await runChild(`
      installLastResortHandlers('worker');
      const done = trackRequest(() => 'req-1');
      done();
      setTimeout(() => { throw new Error('outside any request'); }, 10);
      setTimeout(() => { console.log('still serving'); process.exit(0); }, 100);
    `);
    expect(output).toMatch(/uncaught exception in the worker \(no request in flight\); still serving\. Error: outside any request/);
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
