/**
 * A search worker thread (see SqliteSearchPool): its own read-only connection to the index file,
 * one search at a time. Imports no path alias and nothing of @tel/core, so it loads from dist/ as
 * compiled JavaScript and, under ts-jest or ts-node, through ts-node's transpiler alone.
 */
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchRequest } from '../search-index';
import type { ParsedQuery } from '../../text/search-text';
import { regionalTablesLoaded } from '../../text/fold';
import { prepareReaderConnection, SqliteRankingOptions, SqliteSearchReader } from './sqlite-search-reader';

export interface SearchWorkerData {
  file: string;
  ranking: SqliteRankingOptions;
}
export interface SearchWorkerRequest {
  id: number;
  request: SearchRequest;
  offset: number;
  first: number;
  /** The query as the pool's thread read it (parseSearchQuery): this thread only folds. */
  parsed: ParsedQuery;
}

const { file, ranking } = workerData as SearchWorkerData;
// Read-only: the writer stays on the main thread. WAL: this connection never blocks the writer
// and sees every transaction committed before a search starts.
const db = prepareReaderConnection(new BetterSqlite3(file, { readonly: true, fileMustExist: true }));
const reader = new SqliteSearchReader(db, ranking);

parentPort!.on('message', (m: SearchWorkerRequest) => {
  try {
    const page = reader.search(m.request, m.offset, m.first, m.parsed);
    parentPort!.postMessage({ id: m.id, page, regionalTables: regionalTablesLoaded() });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
