import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { byKeys, loaderFor, RequestContext, UnitOfWork } from '@tel/core';
import { readableAccess } from '../documents/document-access.rules';
import { DocumentAccess } from '../documents/document.enums';
import { Document } from '../documents/document.entity';
import { tryParseDocumentSymbol, symbolKey } from '../symbol/document-symbol';
import { HIDDEN_DOCUMENTS_LOADER, HiddenDocuments, redactMentions } from './document-mentions';

const NOTHING_HIDDEN: HiddenDocuments = { ids: new Set(), symbols: new Set(), documents: [] };

/** The triggers that keep document_generation current (migration DocumentGeneration). */
const TRIGGERS = {
  sqlite:
    "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'document' AND name IN ('document_generation_insert', 'document_generation_update', 'document_generation_delete')",
  postgres: "SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = to_regclass('document') AND tgname = 'document_generation_change' AND tgenabled <> 'D'",
};
const TRIGGER_COUNT = { sqlite: 3, postgres: 1 };

/**
 * The one access rule for every way a document can be named — a link, a symbol field, a title or
 * a text that quotes one — asked by every library instead of reading the documents tables itself.
 * It applies `readableAccess` (document-access.rules.ts), the rule `document(symbol)` applies.
 *
 * For a caller who may read every access level (today: any signed-in account) nothing is checked
 * and no statement is sent. For anyone else the documents they may not read are known once per
 * request — however many fields ask — so lists stay constant in SQL statements: each request reads
 * document_generation (one row, changed by triggers in the transaction of every change to a
 * document's access, symbol or title, see DocumentGeneration) and uses the list this process last
 * loaded while that value is unchanged, or loads it again (one statement). On 100,000 documents,
 * 10,014 of them restricted, loading the list cost ~36 ms of the API's thread per anonymous search
 * (a CPU profile under bench/search). Without the triggers (a later migration rebuilt the table),
 * the list is loaded for every request, and a warning says so once.
 */
@Injectable()
export class DocumentVisibility {
  private readonly logger = new Logger('DocumentVisibility');
  /** The last list loaded per set of readable access levels, and the generation it was loaded at. */
  private readonly kept = new Map<string, { generation: string; hidden: HiddenDocuments }>();
  private triggers: Promise<boolean> | null = null;

  constructor(private readonly uow: UnitOfWork) {}

  /** True when the caller may read every document (no check needed). */
  seesEverything(ctx: RequestContext): boolean {
    const readable = readableAccess(ctx.actor);
    return Object.values(DocumentAccess).every((a) => readable.includes(a));
  }

  /** Registers this request's loader, so field middleware without injection can ask (see document-text.ts). */
  attach(ctx: RequestContext): void {
    this.hiddenLoader(ctx);
  }

  /** The documents the caller may not read: one statement per request, none for members. */
  hidden(ctx: RequestContext): Promise<HiddenDocuments> {
    return this.hiddenLoader(ctx).load('all');
  }

  /** May the caller see the document with this id? (Unknown ids are not documents: true.) */
  async canSee(ctx: RequestContext, documentId: string | null): Promise<boolean> {
    if (!documentId || this.seesEverything(ctx)) return true;
    return !(await this.hidden(ctx)).ids.has(documentId);
  }

  /**
   * May the caller see what this symbol names? A symbol of an unregistered document names nothing
   * hidden; any spelling the parser accepts is checked by its canonical key.
   */
  async canSeeSymbol(ctx: RequestContext, symbol: string | null): Promise<boolean> {
    if (!symbol || this.seesEverything(ctx)) return true;
    const parsed = tryParseDocumentSymbol(symbol);
    const key = parsed ? symbolKey(parsed) : symbol;
    return !(await this.hidden(ctx)).symbols.has(key);
  }

  /** The symbols, in order, less those naming a document the caller may not see. */
  async visibleSymbols(ctx: RequestContext, symbols: string[]): Promise<string[]> {
    const visible = await Promise.all(symbols.map((s) => this.canSeeSymbol(ctx, s)));
    return symbols.filter((_, i) => visible[i]);
  }

  /**
   * The document a link names, by id or (for links made before it was registered) by symbol — or
   * null when it is unregistered or the caller may not see it. Batched: one statement per batch.
   */
  async linked(ctx: RequestContext, documentId: string | null, symbol: string | null): Promise<Document | null> {
    if (!(await this.canSee(ctx, documentId)) || !(await this.canSeeSymbol(ctx, symbol))) return null;
    if (documentId) {
      return loaderFor<string, Document | null>(ctx, 'documents.linkedById', async (ids) =>
        byKeys(ids, await this.uow.manager.find(Document, { where: { id: In([...ids]) } }), (r) => r.id),
      ).load(documentId);
    }
    if (!symbol) return null;
    const parsed = tryParseDocumentSymbol(symbol);
    if (!parsed) return null;
    return loaderFor<string, Document | null>(ctx, 'documents.linkedBySymbol', async (keys) =>
      byKeys(keys, await this.uow.manager.find(Document, { where: { symbol: In([...keys]) } }), (r) => r.symbol),
    ).load(symbolKey(parsed));
  }

  /** The text with every mention of a document the caller may not see replaced (see document-mentions.ts). */
  async redact(ctx: RequestContext, text: string | null): Promise<string | null> {
    if (!text || this.seesEverything(ctx)) return text;
    return redactMentions(text, (await this.hidden(ctx)).documents);
  }

  /**
   * Inside a write: the id of the registered document with this canonical symbol, or null. Links
   * store it whoever writes them; reads then show it only to callers who may see it.
   */
  async registeredDocumentId(em: EntityManager, key: string | null): Promise<string | null> {
    if (!key) return null;
    return (await em.findOne(Document, { where: { symbol: key }, select: { id: true } }))?.id ?? null;
  }

  private hiddenLoader(ctx: RequestContext) {
    return loaderFor<'all', HiddenDocuments>(ctx, HIDDEN_DOCUMENTS_LOADER, async (keys) => {
      if (this.seesEverything(ctx)) return keys.map(() => NOTHING_HIDDEN);
      const hidden = await this.hiddenFor(readableAccess(ctx.actor));
      return keys.map(() => hidden);
    });
  }

  /**
   * The documents outside `readable`: the kept list while document_generation is what it was when
   * the list was loaded. The generation is read before the list, so a list is never older than the
   * value it is kept under (a change committed in between makes it newer, and the next request,
   * reading the new value, loads it again).
   */
  private async hiddenFor(readable: DocumentAccess[]): Promise<HiddenDocuments> {
    const em = this.uow.manager;
    const key = readable.join(',');
    const generation = await this.generation(em);
    const kept = this.kept.get(key);
    if (generation !== null && kept?.generation === generation) return kept.hidden;
    const rows = await em
      .createQueryBuilder(Document, 'd')
      .select('d.id', 'id')
      .addSelect('d.symbol', 'symbol')
      .addSelect('d.title', 'title')
      .where('d.access NOT IN (:...readable)', { readable })
      .getRawMany<{ id: string; symbol: string; title: string }>();
    const hidden: HiddenDocuments = {
      ids: new Set(rows.map((r) => r.id)),
      symbols: new Set(rows.map((r) => r.symbol)),
      documents: rows.map((r) => ({ symbol: r.symbol, title: r.title })),
    };
    if (generation !== null) this.kept.set(key, { generation, hidden });
    return hidden;
  }

  /** The current document_generation, or null when the triggers that keep it are missing. */
  private async generation(em: EntityManager): Promise<string | null> {
    const dialect = em.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    this.triggers ??= em.query<{ n: number }[]>(TRIGGERS[dialect]).then(
      ([row]) => {
        const present = Number(row?.n) === TRIGGER_COUNT[dialect];
        if (!present) this.logger.warn('the document_generation triggers are missing: the documents a caller may not see are loaded for every request');
        return present;
      },
      () => {
        this.triggers = null; // a failed check (the database away a moment) is asked again next time
        return false;
      },
    );
    if (!(await this.triggers)) return null;
    const [row] = await em.query<{ value: string }[]>('SELECT "value" FROM "document_generation" WHERE "id" = 1');
    return row?.value ?? null;
  }
}
