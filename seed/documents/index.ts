import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { newId, UnitOfWork } from '@tel/core';
import {
  Document,
  DocumentAccess,
  DocumentFile,
  DocumentPurpose,
  DocumentRevision,
  DocumentStatus,
  DocumentType,
  FILE_KINDS,
  kindForName,
  parseDocumentSymbol,
  probeText,
  reserveDocumentNumber,
  safeFileName,
  extensionOf,
  sniffContent,
  bufferSource,
  symbolKey,
  meetingCodeOf,
  FileKind,
} from '@tel/documents';
import { Agenda, AgendaItem, Economy, Group, Meeting, Organization, Session } from '@tel/meetings';
import { FileStorage } from '@tel/storage';
import type { SeedCounts } from '../loader';
import { printedAgendaNumber, samplePaper } from './sample-papers';
import { tel37Documents } from './tel37-documents';
import type { SeedDocument } from './types';

export { tel37Documents } from './tel37-documents';
export type { SeedDocument } from './types';

interface PreparedFile {
  name: string;
  originalName: string;
  bytes: Buffer;
  sha256: string;
  kind: FileKind;
}

/**
 * Loads the TEL37 documents after the meetings seed: files to storage first (content-addressed,
 * so a rerun stores nothing new), then every missing document, revision and file row in one unit
 * of work, found by natural keys (symbol; document + revision number; revision + file name), so a
 * second run changes nothing. The document counters move past the seeded numbers.
 */
export async function loadDocumentSeed(uow: UnitOfWork, storage: FileStorage, documents: SeedDocument[] = tel37Documents): Promise<SeedCounts> {
  const facts = await uow.read((em) => coverFacts(em, documents));
  const files = new Map<string, PreparedFile>();
  for (const doc of documents) {
    for (const revision of doc.revisions) {
      for (const file of revision.files) {
        const bytes = samplePaper(doc, revision.number, file, facts.get(doc.symbol)!);
        const prepared = await prepare(file.name, bytes);
        const staged = await storage.stage(Readable.from([bytes]), { maxBytes: bytes.length });
        await storage.commit(staged);
        files.set(`${doc.symbol}|${revision.number}|${file.name}`, { ...prepared, sha256: staged.sha256 });
      }
    }
  }
  return uow.write((em) => new DocumentSeedLoader(em, files).run(documents));
}

async function prepare(name: string, bytes: Buffer): Promise<Omit<PreparedFile, 'sha256'>> {
  const sniffed = await sniffContent(bufferSource(bytes), probeText(bytes));
  if (!sniffed.ok) throw new Error(`seed: ${name}: ${sniffed.reason}`);
  const safe = safeFileName(name);
  const resolved = kindForName(sniffed.kind, extensionOf(safe));
  if (!resolved.ok || safe !== name) throw new Error(`seed: ${name} is not a clean file name for its content`);
  return { name: safe, originalName: name, bytes, kind: resolved.kind };
}

/** Names of submitters and printed agenda numbers for the cover blocks. */
async function coverFacts(em: EntityManager, documents: SeedDocument[]): Promise<Map<string, { submittedBy: string | null; agendaItem: string | null }>> {
  const [economies, organizations] = await Promise.all([em.find(Economy), em.find(Organization)]);
  const names = new Map<string, string>([...economies.map((e) => [`e:${e.code}`, e.name] as const), ...organizations.map((o) => [`o:${o.code}`, o.name] as const)]);
  return new Map(
    documents.map((doc) => {
      const by = doc.submittedBy;
      const submittedBy = by ? (names.get('economyCode' in by ? `e:${by.economyCode}` : `o:${by.organizationCode}`) ?? null) : null;
      return [doc.symbol, { submittedBy, agendaItem: doc.agendaItem ? printedAgendaNumber(doc.agendaItem.number) : null }];
    }),
  );
}

class DocumentSeedLoader {
  private readonly counts: SeedCounts = {};

  constructor(
    private readonly em: EntityManager,
    private readonly files: Map<string, PreparedFile>,
  ) {}

  async run(documents: SeedDocument[]): Promise<SeedCounts> {
    for (const seed of documents) {
      const parsed = parseDocumentSymbol(seed.symbol);
      const symbol = symbolKey(parsed);
      if (symbol !== seed.symbol) throw new Error(`seed: ${seed.symbol} is not canonical (${symbol})`);
      const meeting = await this.one(Meeting, { code: meetingCodeOf(parsed) }, seed.symbol);
      let doc = await this.em.findOne(Document, { where: { symbol } });
      if (!doc) {
        doc = this.em.create(Document, {
          id: newId(),
          symbol,
          meetingId: meeting.id,
          year: parsed.year,
          code: parsed.code ?? '',
          number: parsed.number,
          annex: parsed.annex ?? '',
          groupId: (await this.one(Group, { code: seed.groupCode }, seed.symbol)).id,
          title: seed.title,
          type: seed.type as DocumentType,
          purpose: seed.purpose as DocumentPurpose,
          access: seed.access as DocumentAccess,
          status: DocumentStatus.REGISTERED,
          statusNote: null,
          language: seed.language,
          submittedByEconomyId: seed.submittedBy && 'economyCode' in seed.submittedBy ? (await this.one(Economy, { code: seed.submittedBy.economyCode }, seed.symbol)).id : null,
          submittedByOrganizationId:
            seed.submittedBy && 'organizationCode' in seed.submittedBy ? (await this.one(Organization, { code: seed.submittedBy.organizationCode }, seed.symbol)).id : null,
          sessionId: seed.session ? (await this.session(meeting, seed.session, seed.symbol)).id : null,
          agendaItemId: seed.agendaItem ? (await this.agendaItem(meeting, seed.agendaItem, seed.symbol)).id : null,
          supersededById: null,
        });
        await this.em.insert(Document, doc);
        this.bump('Document');
      }
      await reserveDocumentNumber(this.em, meeting.id, doc.code, doc.number);
      for (const r of seed.revisions) {
        let revision = await this.em.findOne(DocumentRevision, { where: { documentId: doc.id, number: r.number } });
        if (!revision) {
          revision = this.em.create(DocumentRevision, { id: newId(), documentId: doc.id, number: r.number, note: r.note ?? null });
          await this.em.insert(DocumentRevision, revision);
          this.bump('DocumentRevision');
        }
        for (const f of r.files) {
          const file = this.files.get(`${seed.symbol}|${r.number}|${f.name}`)!;
          if (await this.em.exists(DocumentFile, { where: { revisionId: revision.id, name: file.name } })) continue;
          await this.em.insert(DocumentFile, {
            id: newId(),
            revisionId: revision.id,
            name: file.name,
            originalName: file.originalName,
            size: file.bytes.length,
            sha256: file.sha256,
            kind: file.kind,
            contentType: FILE_KINDS[file.kind].contentType,
            uploadedById: null,
          });
          this.bump('DocumentFile');
        }
      }
    }
    return this.counts;
  }

  private async one<T extends object>(entity: new () => T, where: Record<string, unknown>, symbol: string): Promise<T> {
    const found = await this.em.findOne(entity, { where: where as never });
    if (!found) throw new Error(`seed: ${symbol}: no ${entity.name} ${JSON.stringify(where)}`);
    return found;
  }

  private async session(meeting: Meeting, ref: { groupCode: string; startsAt: string }, symbol: string): Promise<Session> {
    const group = await this.one(Group, { code: ref.groupCode }, symbol);
    return this.one(Session, { meetingId: meeting.id, groupId: group.id, startsAt: ref.startsAt }, symbol);
  }

  private async agendaItem(meeting: Meeting, ref: { groupCode: string; number: string }, symbol: string): Promise<AgendaItem> {
    const group = await this.one(Group, { code: ref.groupCode }, symbol);
    const agenda = await this.one(Agenda, { meetingId: meeting.id, groupId: group.id }, symbol);
    return this.one(AgendaItem, { agendaId: agenda.id, number: ref.number }, symbol);
  }

  private bump(kind: string): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }
}
