import { DocumentGeneration } from './access/document-generation.entity';
import { DocumentCounter } from './documents/document-counter.entity';
import { Document } from './documents/document.entity';
import { DocumentFile } from './files/document-file.entity';
import { DocumentRevision } from './revisions/document-revision.entity';

export const DOCUMENTS_ENTITIES = [Document, DocumentCounter, DocumentRevision, DocumentFile, DocumentGeneration];
