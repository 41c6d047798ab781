import { Module } from '@nestjs/common';
import { MeetingsModule } from '@tel/meetings';
import { StorageModule } from '@tel/storage';
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
  exports: [DocumentsService, DocumentFilesService, BlobJanitor, DocumentsLoaders],
})
export class DocumentsModule {}
