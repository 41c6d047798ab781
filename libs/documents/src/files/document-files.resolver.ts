import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '@tel/core';
import { DocumentsLoaders } from '../documents/documents.loaders';
import { DocumentRevision } from '../revisions/document-revision.entity';
import { DocumentFile } from './document-file.entity';

@Resolver(() => DocumentFile)
export class DocumentFileResolver {
  constructor(private readonly loaders: DocumentsLoaders) {}

  @ResolveField(() => String, { description: 'Where to download it (GET; restricted documents need the bearer token).' })
  url(@Parent() file: DocumentFile): string {
    return `/files/${file.id}`;
  }

  @ResolveField(() => String, { description: 'When it was uploaded (ISO 8601).' })
  uploadedAt(@Parent() file: DocumentFile): string {
    return new Date(file.createdAt).toISOString();
  }

  @ResolveField(() => DocumentRevision)
  revision(@Parent() file: DocumentFile, @Ctx() ctx: RequestContext): Promise<DocumentRevision | null> {
    return this.loaders.revision(ctx, file.revisionId);
  }
}
