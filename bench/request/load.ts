/**
 * A closed-loop load generator: `connections` clients, each sending the next request as soon as
 * the previous answer has arrived, over keep-alive HTTP/1.1, for a fixed time. Every answer is
 * checked (status 200, no `errors`), so a server that fails fast cannot look fast.
 */
import * as http from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  failures: number;
  firstFailure?: string;
}

export interface LoadSpec {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const target = new URL(spec.url);
  const headers = { ...spec.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(spec.body)) };
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(spec.seconds * 1e9));

  const once = () =>
    new Promise<void>((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          if (res.statusCode !== 200 || text.includes('"errors"')) {
            failures++;
            firstFailure ??= `${res.statusCode}: ${text.slice(0, 300)}`;
          } else {
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          }
          resolve();
        });
        res.on('error', () => resolve());
      });
      req.on('error', (error) => {
        failures++;
        firstFailure ??= error.message;
        resolve();
      });
      req.end(spec.body);
    });

  const client = async () => {
    while (process.hrtime.bigint() < deadline) await once();
  };
  await Promise.all(Array.from({ length: spec.connections }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    failures,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
