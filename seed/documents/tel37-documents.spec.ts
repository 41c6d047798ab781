import * as fs from 'node:fs';
import * as path from 'node:path';
import { bufferSource, extensionOf, kindForName, parseDocumentSymbol, probeText, safeFileName, sniffContent, symbolKey } from '@tel/documents';
import type { SeedAgendaItem } from '../types';
import { tel37 } from '../tel37';
import { printedAgendaNumber, samplePaper } from './sample-papers';
import { tel37Documents } from './tel37-documents';

const REPORT = path.resolve(__dirname, '../../../shared/corpus/tel37-trip-report.zh.txt');
const flatten = (items: SeedAgendaItem[], prefix = ''): string[] =>
  items.flatMap((i) => {
    const number = prefix ? `${prefix}.${i.label}` : i.label;
    return [number, ...flatten(i.children ?? [], number)];
  });
const agendaNumbers = new Map(tel37.agendas.map((a) => [a.groupCode, new Set(flatten(a.items))]));
const facts = { submittedBy: 'Someone', agendaItem: '3(b)' };
const everyFile = tel37Documents.flatMap((doc) => doc.revisions.flatMap((r) => r.files.map((file) => ({ doc, revision: r.number, file }))));

describe('TEL37 documents seed', () => {
  it('holds the two papers the report cites by symbol', () => {
    const bySymbol = new Map(tel37Documents.map((d) => [d.symbol, d]));
    expect(bySymbol.get('2008-TELWG37-PTAB-WS-016')).toMatchObject({ submittedBy: { economyCode: 'PRC' }, type: 'REPORT' });
    expect(bySymbol.get('2008-TELWG37-SPSG-006')).toMatchObject({ submittedBy: { economyCode: 'ROK' } });
    expect(bySymbol.get('2008-TELWG37-SPSG-006')!.revisions.map((r) => r.number)).toEqual([0, 2]);
  });

  it('uses canonical, unique symbols of TEL37', () => {
    const symbols = tel37Documents.map((d) => d.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    for (const symbol of symbols) {
      const parsed = parseDocumentSymbol(symbol);
      expect(symbolKey(parsed)).toBe(symbol);
      expect(parsed).toMatchObject({ year: 2008, meeting: 'TELWG37' });
    }
  });

  it('refers only to economies, organizations, groups, sessions and agenda items of the TEL37 seed', () => {
    const economies = new Set(tel37.economies.map((e) => e.code));
    const organizations = new Set(tel37.organizations.map((o) => o.code));
    const groups = new Set(tel37.groups.map((g) => g.code));
    for (const doc of tel37Documents) {
      expect(groups.has(doc.groupCode)).toBe(true);
      if (doc.submittedBy) expect('economyCode' in doc.submittedBy ? economies.has(doc.submittedBy.economyCode) : organizations.has(doc.submittedBy.organizationCode)).toBe(true);
      if (doc.session) {
        const { groupCode, startsAt } = doc.session;
        expect(tel37.sessions.filter((s) => s.meetingCode === 'TEL37' && s.groupCode === groupCode && s.startsAt === startsAt)).toHaveLength(1);
      }
      if (doc.agendaItem) expect(agendaNumbers.get(doc.agendaItem.groupCode)?.has(doc.agendaItem.number)).toBe(true);
      expect(doc.source).toBeTruthy();
    }
  });

  it('keeps some papers restricted, and revisions in order', () => {
    expect(tel37Documents.filter((d) => d.access === 'RESTRICTED').length).toBeGreaterThanOrEqual(3);
    for (const doc of tel37Documents) {
      const numbers = doc.revisions.map((r) => r.number);
      expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
      expect(doc.revisions.every((r) => r.files.length > 0)).toBe(true);
    }
  });

  it.each(everyFile.map(({ doc, revision, file }) => [file.name, doc, revision, file] as const))(
    '%s is a valid file of the kind its name says',
    async (_name, doc, revision, file) => {
      const bytes = samplePaper(doc, revision, file, facts);
      const sniffed = await sniffContent(bufferSource(bytes), probeText(bytes));
      expect(sniffed.ok).toBe(true);
      expect(safeFileName(file.name)).toBe(file.name);
      expect(sniffed.ok && kindForName(sniffed.kind, extensionOf(file.name)).ok).toBe(true);
      expect(bytes.toString('latin1')).toContain(doc.symbol.slice(0, 14));
    },
  );

  it('has English and Chinese sample files', () => {
    const texts = everyFile.map(({ doc, revision, file }) => samplePaper(doc, revision, file, facts).toString('utf8'));
    expect(texts.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
    expect(texts.some((t) => /sample file made by the tel-registry seed/.test(t))).toBe(true);
  });

  it('copies no text from the delegation report', () => {
    if (!fs.existsSync(REPORT)) {
      console.log(`Left out: the no-copy check needs ${REPORT}, which is not there.`);
      return;
    }
    const report = fs.readFileSync(REPORT, 'utf8').replace(/\s+/g, ' ');
    // Titles are the names of projects and workshops, cited as the sources give them; the text we wrote is checked.
    const ours = tel37Documents.flatMap((d) => d.revisions.flatMap((r) => [r.note ?? '', ...r.files.flatMap((f) => f.body)]));
    // No run of 40 characters of ours (English) or 16 (Chinese) appears in the report.
    for (const text of ours) {
      const window = /[\u4e00-\u9fff]/.test(text) ? 16 : 40;
      for (let i = 0; i + window <= text.length; i++) expect(report.includes(text.slice(i, i + window))).toBe(false);
    }
  });

  it('prints agenda numbers as papers do', () => {
    expect(['1', '3.b', '12.b', '2.a.i'].map(printedAgendaNumber)).toEqual(['1', '3(b)', '12(b)', '2(a)(i)']);
  });
});
