import { Field, FieldMiddleware, FieldOptions, ReturnTypeFunc } from '@nestjs/graphql';
import type DataLoader from 'dataloader';
import { RequestContext } from '@tel/core';
import { tryParseDocumentSymbol, symbolKey } from '../symbol/document-symbol';
import { HIDDEN_DOCUMENTS_LOADER, HiddenDocuments, redactMentions } from './document-mentions';

function hiddenFor(ctx: RequestContext | undefined): Promise<HiddenDocuments> {
  const loader = ctx?.loaders?.get(HIDDEN_DOCUMENTS_LOADER) as DataLoader<'all', HiddenDocuments> | undefined;
  // Fails closed: a field read with no rule attached is an error, never an unfiltered answer.
  if (!loader) throw new Error('DocumentVisibility is not attached to this request (the GraphQL context did not call DocumentVisibility.attach)');
  return loader.load('all');
}

/** Field middleware: the text with every mention of a document the caller may not see redacted. */
export const redactDocumentMentions: FieldMiddleware = async (mctx, next) => {
  const value: unknown = await next();
  if (typeof value !== 'string' || value === '') return value;
  const hidden = await hiddenFor(mctx.context as RequestContext);
  return hidden.documents.length ? redactMentions(value, hidden.documents) : value;
};

/** Field middleware: a symbol field reads null when the symbol names a document the caller may not see. */
export const hideUnseenSymbol: FieldMiddleware = async (mctx, next) => {
  const value: unknown = await next();
  if (typeof value !== 'string' || value === '') return value;
  const hidden = await hiddenFor(mctx.context as RequestContext);
  if (!hidden.symbols.size) return value;
  const parsed = tryParseDocumentSymbol(value);
  return hidden.symbols.has(parsed ? symbolKey(parsed) : value) ? null : value;
};

/**
 * `@Field` for stored free text that may mention a document (a note, a reason, a summary): callers
 * who may not see a document read `[restricted document]` where the text names it.
 */
export function DocumentText(type: ReturnTypeFunc, options: FieldOptions = {}): PropertyDecorator & MethodDecorator {
  return Field(type, { ...options, middleware: [...(options.middleware ?? []), redactDocumentMentions] });
}

/** `@Field` for a document symbol: null for callers who may not see the document it names. */
export function DocumentSymbolField(options: Omit<FieldOptions, 'nullable'> = {}): PropertyDecorator & MethodDecorator {
  const note = 'Null when it names a document the caller may not see.';
  return Field(() => String, {
    ...options,
    nullable: true,
    description: options.description ? `${options.description} ${note}` : note,
    middleware: [...(options.middleware ?? []), hideUnseenSymbol],
  });
}
