/**
 * The GraphQL target: `searchDocuments` over HTTP, answered by the real API (apps/api/src/main.ts)
 * in a process of its own, on the same corpus.
 *
 * Build: a fresh DATA_DIR whose SQLite database gets, for every corpus file (of the layout), a
 * Document, its revision 0 and a DocumentFile row (so the resolver finds the documents the index
 * returns and loads them the way it does in production), and the same pages loaded into the
 * search tables of that database through the index the API's factory opens (upsertMany of 50 files
 * per transaction — what the fts target does). Uploading 100,000 pages through the API would
 * measure extraction, not search.
 *
 * Then (not timed as build) the API starts on that DATA_DIR, compiled from dist/ as `npm start`
 * runs it (built first if the sources are newer; NODE_ENV=production, inline jobs, no seed) and the queries go to POST /graphql, anonymously, like a visitor's: restricted
 * documents are left out, as in the fts target's queries.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { buildDataSourceOptions, loadConfig, QueryCountingLogger, sqliteFileFor } from '@tel/core';
import { Document, DocumentAccess, DocumentFile, DocumentPurpose, DocumentRevision, DocumentStatus, DocumentType, FileKind } from '@tel/documents';
import { FileIndexEntry, FileIndexState } from '@tel/document-search';
import { Group, GroupKind, Meeting, MeetingStatus } from '@tel/meetings';
import { ALL_ENTITIES } from '@tel/registry';
import type { SearchIndex } from '@tel/search';
import { ensureServerBuild, serverEntryArgs } from '../../libs/testing/src/server-build';
import { GROUPS, MEETINGS, type CorpusFile, type Layout } from './corpus';
import { openEngine, UPSERT_BATCH } from './index-targets';
import type { BenchQuery } from './queries';
import { RESULT_CACHE } from './targets';
import type { SearchOutcome, SearchTarget } from './targets';

const ROOT = path.resolve(__dirname, '../..');

/** What a search page asks for: hits with their document and file, snippets, facets, paging. */
const SEARCH = `query Search($q: String!, $filter: SearchDocumentsFilter, $first: Int) {
  searchDocuments(query: $q, filter: $filter, first: $first) {
    totalCount
    nodes { document { id symbol title } revision page section snippet score symbolMatch file { name } }
    facets { meetings { value count } groups { value count } types { value count } economies { value count } years { value count } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Corpus ids (doc-000001) as the UUIDs the application uses, deterministically. */
function uuidOf(id: string): string {
  const h = createHash('sha1').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The corpus's document types are free text to the index; the Document column takes the enum. */
const DOCUMENT_TYPE: Record<string, DocumentType> = {
  WORKING_PAPER: DocumentType.INFORMATION_PAPER,
  REPORT: DocumentType.REPORT,
  AGENDA: DocumentType.AGENDA,
  PRESENTATION: DocumentType.PRESENTATION,
  MINUTES: DocumentType.SUMMARY_RECORD,
  PROJECT_PROPOSAL: DocumentType.PROPOSAL,
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Linux: the process's user + system CPU in ms, and its peak RSS in MB (null elsewhere). */
function procStats(pid: number): { cpuMs: number; peakRssMb: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuMs: ticks * 10, peakRssMb: hwm ? Math.round(Number(hwm[1]) / 1024) : 0 };
  } catch {
    return null;
  }
}

export interface GraphqlTarget extends SearchTarget {
  /** The API process's CPU time so far (ms), to average per request. */
  serverCpuMs(): number | null;
  /** The API process's peak RSS (MB), read before it is stopped. */
  serverPeakRssMb(): number | null;
  documents(): number;
}

/** `2008-TELWG37-SPSG-006` → 6 and no annex; `…-006anx2` (the pages layout) → 6 and annex 2. */
function numberAndAnnex(symbol: string): { number: number; annex: string } {
  const m = /-(\d+)(?:anx([A-Z0-9]{1,3}))?$/.exec(symbol);
  if (!m) throw new Error(`the corpus symbol ${symbol} has no number`);
  return { number: Number(m[1]), annex: m[2] ?? '' };
}

export function graphqlTarget(workDir: string, layout: Layout): GraphqlTarget {
  const dataDir = path.join(workDir, `graphql-${layout}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production', SEED_ON_START: 'false' });
  let ds: DataSource | null = null;
  let index: SearchIndex | null = null;
  const meetingIds = new Map<string, string>();
  const groupIds = new Map<string, string>();
  let batch: CorpusFile[] = [];
  let documents = 0;
  let server: ChildProcess | null = null;
  let url = '';
  let peakRssMb: number | null = null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  const open = async (): Promise<{ ds: DataSource; index: SearchIndex }> => {
    if (ds && index) return { ds, index };
    ds = new DataSource(buildDataSourceOptions(config, ALL_ENTITIES, new QueryCountingLogger(false)));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    // The meetings and groups the corpus's documents belong to.
    await ds.transaction(async (em) => {
      const tel = em.create(Group, { code: 'TEL', name: 'Telecommunications and Information Working Group', kind: GroupKind.WORKING_GROUP, parentId: null, description: null });
      await em.insert(Group, tel);
      for (const code of GROUPS) {
        const g = em.create(Group, { code, name: code, kind: GroupKind.STEERING_GROUP, parentId: tel.id, description: null });
        await em.insert(Group, g);
        groupIds.set(code, g.id);
      }
      for (const code of MEETINGS) {
        const m = em.create(Meeting, {
          code,
          number: Number(code.slice(3)),
          title: `APEC ${code}`,
          groupId: tel.id,
          hostEconomyId: null,
          city: null,
          venue: null,
          venueLocalName: null,
          startDate: null,
          endDate: null,
          timeZone: null,
          status: MeetingStatus.HELD,
          notes: null,
        });
        await em.insert(Meeting, m);
        meetingIds.set(code, m.id);
      }
    });
    // The index in the application database, opened as the API opens it.
    index = await openEngine(config, ds);
    return { ds, index };
  };

  const rowsFor = (em: EntityManager, f: CorpusFile) => {
    const m = f.meta;
    const documentId = uuidOf(m.documentId);
    const revisionId = uuidOf(m.revisionId);
    const groupCode = m.groupCode!;
    const doc = em.create(Document, {
      id: documentId,
      symbol: m.symbol,
      meetingId: meetingIds.get(m.meetingCode!)!,
      year: m.year!,
      code: groupCode,
      ...numberAndAnnex(m.symbol),
      groupId: groupIds.get(groupCode) ?? null,
      title: m.title.slice(0, 500),
      type: DOCUMENT_TYPE[m.type ?? ''] ?? DocumentType.OTHER,
      purpose: DocumentPurpose.INFORMATION,
      access: m.access === 'RESTRICTED' ? DocumentAccess.RESTRICTED : DocumentAccess.PUBLIC,
      status: DocumentStatus.REGISTERED,
      statusNote: null,
      language: m.language === 'zh' ? 'zh-Hant' : 'en',
      submittedByEconomyId: null,
      submittedByOrganizationId: null,
      sessionId: null,
      agendaItemId: null,
      supersededById: null,
    });
    const revision = em.create(DocumentRevision, { id: revisionId, documentId, number: 0, note: null });
    const sha256 = createHash('sha256').update(m.fileId).digest('hex');
    const file = em.create(DocumentFile, {
      id: uuidOf(m.fileId),
      revisionId,
      name: `${m.symbol}.pdf`,
      originalName: `${m.symbol}.pdf`,
      size: f.chunks.reduce((n, c) => n + Buffer.byteLength(c.text), 0),
      sha256,
      kind: FileKind.PDF,
      contentType: 'application/pdf',
      uploadedById: null,
    });
    const state = em.create(FileIndexEntry, { fileId: file.id, indexState: FileIndexState.INDEXED, indexError: null, pageCount: f.chunks.length, indexedAt: m.publishedAt });
    return { doc, revision, file, state };
  };

  const flush = async () => {
    if (!batch.length) return;
    const { ds: source, index: idx } = await open();
    const files = batch;
    batch = [];
    await source.transaction(async (em) => {
      const rows = files.map((f) => rowsFor(em, f));
      await em.insert(
        Document,
        rows.map((r) => r.doc),
      );
      await em.insert(
        DocumentRevision,
        rows.map((r) => r.revision),
      );
      await em.insert(
        DocumentFile,
        rows.map((r) => r.file),
      );
      await em.insert(
        FileIndexEntry,
        rows.map((r) => r.state),
      );
    });
    await idx.upsertMany(
      files.map((f) => ({
        meta: { ...f.meta, documentId: uuidOf(f.meta.documentId), revisionId: uuidOf(f.meta.revisionId), fileId: uuidOf(f.meta.fileId) },
        chunks: f.chunks,
      })),
    );
    documents += files.length;
  };

  const post = (body: string): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const req = http.request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

  return {
    async add(f) {
      batch.push(f);
      if (batch.length >= UPSERT_BATCH) await flush();
    },
    async finish() {
      await flush();
      await index!.close();
      await ds!.destroy();
      index = null;
      ds = null;
    },
    async ready() {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      const log = fs.openSync(path.join(workDir, 'graphql-api.log'), 'w');
      // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": a profile of the API under the benchmark's load.
      const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
      // Compiled, from dist/, as `npm start` runs it (built first when the sources are newer): under
      // ts-node the API and each of its search workers would also hold TypeScript's compiler, which
      // no deployment does — its peak RSS is one of the figures judged.
      ensureServerBuild();
      server = spawn(process.execPath, [...nodeArgs, ...serverEntryArgs('apps/api/src/main.js')], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          DATA_DIR: dataDir,
          PORT: String(port),
          SEED_ON_START: 'false',
          AUTH_SECRET: randomBytes(36).toString('base64'),
          NO_COLOR: '1',
          SEARCH_RESULT_CACHE: RESULT_CACHE, // off unless BENCH_RESULT_CACHE (see openEngine)
        },
        stdio: ['ignore', log, log],
      });
      // Never outlive the benchmark, even when a query fails and the engine exits early.
      const child = server;
      process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
      const started = Date.now();
      for (;;) {
        if (server.exitCode !== null) throw new Error(`the API exited (code ${server.exitCode}); see ${path.join(workDir, 'graphql-api.log')}`);
        const ok = await new Promise<boolean>((resolve) => {
          http
            .get(`${url}/health`, { agent }, (res) => {
              res.resume();
              resolve(res.statusCode === 200);
            })
            .on('error', () => resolve(false));
        });
        if (ok) break;
        if (Date.now() - started > 120_000) throw new Error('the API did not answer /health within 120 s');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async search(q: BenchQuery): Promise<SearchOutcome> {
      // A small corpus (BENCH_PAGES) lacks some meetings the filters name: they arrive as null,
      // which the index matches to nothing and GraphQL refuses; a code no document has does the same.
      const filter = q.filter ? Object.fromEntries(Object.entries(q.filter).map(([k, v]) => [k, Array.isArray(v) ? (v as unknown[]).map((x) => x ?? '(none)') : v])) : null;
      const { status, text } = await post(JSON.stringify({ query: SEARCH, variables: { q: q.query, filter, first: 10 } }));
      const body = JSON.parse(text) as {
        data?: { searchDocuments: { totalCount: number; nodes: { document: { id: string } }[] } };
        errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
      };
      if (status !== 200 || body.errors || !body.data) {
        const first = body.errors?.[0];
        const what = first ? `${first.extensions?.code ?? 'error'} at ${first.path?.join('.') ?? '?'}: ${first.message}` : text.slice(0, 300);
        throw new Error(`searchDocuments failed (HTTP ${status}, query ${JSON.stringify(q.query)}): ${what}; the API's log: ${path.join(workDir, 'graphql-api.log')}`);
      }
      return { totalCount: body.data.searchDocuments.totalCount, top: body.data.searchDocuments.nodes.map((n) => n.document.id) };
    },
    serverCpuMs: () => (server?.pid ? (procStats(server.pid)?.cpuMs ?? null) : null),
    serverPeakRssMb: () => peakRssMb ?? (server?.pid ? (procStats(server.pid)?.peakRssMb ?? null) : null),
    documents: () => documents,
    diskBytes: () => [sqliteFileFor(config), `${sqliteFileFor(config)}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0),
    async close() {
      agent.destroy();
      if (server && server.exitCode === null) {
        peakRssMb = server.pid ? (procStats(server.pid)?.peakRssMb ?? null) : null;
        const exited = new Promise((resolve) => server!.once('exit', resolve));
        server.kill('SIGTERM');
        const timer = setTimeout(() => server?.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      // Half a gigabyte nothing reads afterwards (the like target scans the fts target's database).
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
