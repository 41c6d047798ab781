import { Module } from '@nestjs/common';
import { MeetingsModule } from '@tel/meetings';
import { StorageModule } from '@tel/storage';
import { DocumentVisibility } from './access/document-visibility';
import { DocumentIndexEventsRequired } from './documents/document-index-events';
import { DocumentResolver } from './documents/documents.resolver';
import { DocumentsLoaders } from './documents/documents.loaders';
import { DocumentsService } from './documents/documents.service';
import { AgendaItemDocumentsResolver, MeetingDocumentsResolver, SessionDocumentsResolver } from './documents/meeting-documents.resolver';
import { BlobJanitor } from './files/blob-janitor';
import { DocumentFilesController } from './files/document-files.controller';
import { DocumentFileResolver } from './files/document-files.resolver';
import { DocumentFilesService } from './files/document-files.service';
import { DocumentRevisionResolver } from './revisions/revisions.resolver';

/** Meeting documents: symbols, registration, revisions, uploaded files and downloads. */
@Module({
  imports: [MeetingsModule, StorageModule],
  controllers: [DocumentFilesController],
  providers: [
    DocumentIndexEventsRequired,
    DocumentVisibility,
    DocumentsService,
    DocumentsLoaders,
    DocumentFilesService,
    BlobJanitor,
    DocumentResolver,
    DocumentRevisionResolver,
    DocumentFileResolver,
    MeetingDocumentsResolver,
    AgendaItemDocumentsResolver,
    SessionDocumentsResolver,
  ],
  exports: [DocumentVisibility, DocumentsService, DocumentFilesService, BlobJanitor, DocumentsLoaders],
})
export class DocumentsModule {}
