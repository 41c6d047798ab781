import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '@tel/core';
import { Document } from '../documents/document.entity';
import { DocumentsLoaders } from '../documents/documents.loaders';
import { DocumentFile } from '../files/document-file.entity';
import { formatDocumentSymbol, parseDocumentSymbol } from '../symbol/document-symbol';
import { DocumentRevision } from './document-revision.entity';

@Resolver(() => DocumentRevision)
export class DocumentRevisionResolver {
  constructor(private readonly loaders: DocumentsLoaders) {}

  private async symbolOf(revision: DocumentRevision, ctx: RequestContext, style: 'canonical' | 'apec-db'): Promise<string> {
    const doc = await this.loaders.document(ctx, revision.documentId);
    return formatDocumentSymbol(parseDocumentSymbol(doc!.symbol), { revision: revision.number, style });
  }

  @ResolveField(() => String, { description: 'e.g. 2008-TELWG37-SPSG-006 [Rev.2] (Rev.0 prints without a suffix).' })
  symbol(@Parent() revision: DocumentRevision, @Ctx() ctx: RequestContext): Promise<string> {
    return this.symbolOf(revision, ctx, 'canonical');
  }

  @ResolveField(() => String, { description: 'e.g. 2008/TEL37/SPSG/006rev2' })
  apecSymbol(@Parent() revision: DocumentRevision, @Ctx() ctx: RequestContext): Promise<string> {
    return this.symbolOf(revision, ctx, 'apec-db');
  }

  @ResolveField(() => String, { description: 'When the revision was added (ISO 8601).' })
  addedAt(@Parent() revision: DocumentRevision): string {
    return new Date(revision.createdAt).toISOString();
  }

  @ResolveField(() => [DocumentFile], { description: 'Its files (often the same paper as DOC and PDF), by name.' })
  files(@Parent() revision: DocumentRevision, @Ctx() ctx: RequestContext): Promise<DocumentFile[]> {
    return this.loaders.filesOf(ctx, revision.id);
  }

  @ResolveField(() => Document)
  document(@Parent() revision: DocumentRevision, @Ctx() ctx: RequestContext): Promise<Document | null> {
    return this.loaders.document(ctx, revision.documentId);
  }
}
