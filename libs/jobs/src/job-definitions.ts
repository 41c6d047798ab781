import { defineJob, JobDefinition } from './job-definition';

/*
 * The registry of the application's jobs: names and payload types, in one place, so the code that
 * enqueues a job and the handler that runs it (often in different libraries) share one typed
 * definition without importing each other, and two features cannot take the same name.
 *
 * Every job in APP_JOBS must have exactly one `@JobHandler` provider in each process that runs
 * jobs (the API when REDIS_URL is unset, apps/worker when it is set), or that process refuses to
 * start; enqueueing a job that is not in APP_JOBS is a programming error. So a job is added here
 * in the same change as its handler. The search feature, for instance, adds:
 *
 *   export const EXTRACT_TEXT = defineJob<{ fileId: string }>('extract-text', { key: (p) => p.fileId });
 *   export const INDEX_FILE = defineJob<{ fileId: string }>('index-file', { key: (p) => p.fileId });
 *   export const APP_JOBS = [EXTRACT_TEXT, INDEX_FILE] as const;
 */

/** Extract a document file's text and put it in the search index (libs/document-search). */
export const INDEX_FILE = defineJob<{ fileId: string }>('index-file', { key: (p) => p.fileId });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: JobDefinition is invariant in its payload, so no narrower element type admits them all
export const APP_JOBS: readonly JobDefinition<any>[] = [INDEX_FILE];
