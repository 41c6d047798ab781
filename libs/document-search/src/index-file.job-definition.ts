import { defineJob } from '@tel/jobs';

/** Extract a document file's text and put it in the search index. Declared by DocumentSearchModule. */
export const INDEX_FILE = defineJob<{ fileId: string }>('index-file', { key: (p) => p.fileId });
