/**
 * Summarises V8 .cpuprofile files (node --cpu-prof) by self time, from the first sample that
 * serves a GraphQL request on (so start-up — module loading, the schema build — is left out):
 * per package or source folder, and per function, in µs per request when the request count is
 * known. Two profiles (the real API and the bare server) are compared package by package.
 *
 * `npx ts-node --transpile-only bench/request/profile-summary.ts REAL.cpuprofile [REQUESTS] [BARE.cpuprofile BARE_REQUESTS]`
 */
import * as fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileTotals {
  /** Busy time (µs) from the first request on, idle left out. */
  busyUs: number;
  byOwner: Map<string, number>;
  byFunction: Map<string, number>;
}

/** node_modules/<package> (scoped too), our apps/ and libs/ folders, node's internals. */
function ownerOf(url: string): string {
  if (!url) return '(native / V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node (internals)';
  const ours = /\/(apps\/[^/]+|libs\/[^/]+|bench\/[^/]+)\//.exec(url);
  return ours ? ours[1] : url;
}

export function readProfile(file: string): ProfileTotals {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The first sample whose stack is inside Apollo's request pipeline: serving has begun.
  const serving = (id: number | undefined): boolean => {
    for (; id !== undefined; id = parent.get(id)) if (byId.get(id)!.callFrame.functionName === 'processGraphQLRequest') return true;
    return false;
  };
  let from = profile.samples.findIndex((id) => serving(id));
  if (from < 0) from = 0;
  const self = new Map<number, number>();
  for (let i = from; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const totals: ProfileTotals = { busyUs: 0, byOwner: new Map(), byFunction: new Map() };
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    totals.busyUs += us;
    const owner = functionName.startsWith('(') ? functionName : ownerOf(url);
    totals.byOwner.set(owner, (totals.byOwner.get(owner) ?? 0) + us);
    const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*?\/(apps|libs|bench)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    totals.byFunction.set(key, (totals.byFunction.get(key) ?? 0) + us);
  }
  return totals;
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);

/** The top of one profile; per request when `requests` is given. */
export function summariseProfile(file: string, top = 20, requests?: number): string {
  const t = readProfile(file);
  const show = (us: number) => `${((100 * us) / t.busyUs).toFixed(1).padStart(5)} %${requests ? `  ${(us / requests).toFixed(1).padStart(7)} µs/req` : ''}`;
  const lines = [
    `busy ${(t.busyUs / 1000).toFixed(0)} ms from the first request on${requests ? ` (${requests} requests, ${(t.busyUs / requests).toFixed(0)} µs each)` : ''}; self time by package or folder:`,
  ];
  for (const [k, us] of sorted(t.byOwner).slice(0, top)) lines.push(`  ${show(us)}  ${k}`);
  lines.push(`self time by function (top ${top}):`);
  for (const [k, us] of sorted(t.byFunction).slice(0, top)) lines.push(`  ${show(us)}  ${k}`);
  return lines.join('\n');
}

/** Package by package, then function by function: µs per request on each server and the difference, largest first. */
export function compareProfiles(real: { file: string; requests: number }, bare: { file: string; requests: number }, top = 20): string {
  const r = readProfile(real.file);
  const b = readProfile(bare.file);
  const diff = (of: (t: ProfileTotals) => Map<string, number>) => {
    const keys = new Set([...of(r).keys(), ...of(b).keys()]);
    const rows = [...keys].map((k) => ({ k, real: (of(r).get(k) ?? 0) / real.requests, bare: (of(b).get(k) ?? 0) / bare.requests }));
    rows.sort((x, y) => y.real - y.bare - (x.real - x.bare));
    return rows.slice(0, top).map((row) => `  ${row.real.toFixed(1).padStart(7)} ${row.bare.toFixed(1).padStart(7)} ${(row.real - row.bare).toFixed(1).padStart(7)}  ${row.k}`);
  };
  const head = `  ${'real'.padStart(7)} ${'bare'.padStart(7)} ${'diff'.padStart(7)}  µs/req`;
  return [
    `busy µs per request: real ${(r.busyUs / real.requests).toFixed(0)}, bare ${(b.busyUs / bare.requests).toFixed(0)}; by package or folder, largest difference first:`,
    head,
    ...diff((t) => t.byOwner),
    'by function, largest difference first:',
    head,
    ...diff((t) => t.byFunction),
  ].join('\n');
}

if (require.main === module) {
  const [file, requests, bareFile, bareRequests] = process.argv.slice(2);
  if (!file) {
    console.error('usage: profile-summary.ts REAL.cpuprofile [REQUESTS] [BARE.cpuprofile BARE_REQUESTS]');
    process.exit(2);
  }
  console.log(summariseProfile(file, 25, requests ? Number(requests) : undefined));
  if (bareFile) console.log(`\n${compareProfiles({ file, requests: Number(requests) }, { file: bareFile, requests: Number(bareRequests) }, 40)}`);
}
