import { writeMinimalPdf } from '@tel/documents';
import type { SeedDocument, SeedFile } from './types';

/**
 * The bytes of a seed file: a cover block like an APEC paper's (symbol, agenda item, title,
 * purpose, submitted by, meeting, venue, dates), a line saying what the file is, then the body.
 * All text is ours; nothing is copied from the delegation report.
 */

export interface CoverFacts {
  submittedBy: string | null;
  agendaItem: string | null;
}

const MEETING = '37th APEC Telecommunications and Information Working Group Meeting';
const VENUE = 'Tokyo, Japan';
const DATES = '23-28 March 2008';
const ABOUT_EN =
  'This is a sample file made by the tel-registry seed so that the TEL37 data set has papers to list, download and search. It carries the cover-page details and a short note in our own words; it is not the original paper.';

const PURPOSE: Record<string, string> = { INFORMATION: 'Information', CONSIDERATION: 'Consideration', DECISION: 'Decision' };

/** `3.b` → `3(b)`, as agendas print it. */
export function printedAgendaNumber(number: string): string {
  const [head, ...rest] = number.split('.');
  return head + rest.map((s) => `(${s})`).join('');
}

function coverLines(doc: SeedDocument, facts: CoverFacts, revision: number): string[] {
  return [
    `Document: ${doc.symbol}${revision ? ` [Rev.${revision}]` : ''}`,
    ...(facts.agendaItem ? [`Agenda item: ${facts.agendaItem}`] : []),
    `Title: ${doc.title}`,
    `Purpose: ${PURPOSE[doc.purpose]}`,
    ...(facts.submittedBy ? [`Submitted by: ${facts.submittedBy}`] : []),
    `Meeting: ${MEETING}`,
    `Venue: ${VENUE}`,
    `Dates: ${DATES}`,
  ];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function samplePaper(doc: SeedDocument, revision: number, file: SeedFile, facts: CoverFacts): Buffer {
  const extension = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
  const cover = coverLines(doc, facts, revision);
  const chinese = (file.language ?? doc.language).startsWith('zh');
  const about = chinese ? [] : [ABOUT_EN];
  switch (extension) {
    case 'pdf':
      return writeMinimalPdf({ title: doc.title, paragraphs: [cover.join(' | '), ...about, ...file.body] });
    case 'txt':
      return Buffer.from([...cover, '', ...about, '', ...file.body].join('\n') + '\n', 'utf8');
    case 'html': {
      const lang = file.language ?? doc.language;
      return Buffer.from(
        `<!DOCTYPE html>\n<html lang="${lang}">\n<head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head>\n<body>\n` +
          `<table>${cover
            .map((line) => {
              const [k, ...v] = line.split(': ');
              return `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v.join(': '))}</td></tr>`;
            })
            .join('')}</table>\n` +
          [...about, ...file.body].map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') +
          '\n</body>\n</html>\n',
        'utf8',
      );
    }
    default:
      throw new Error(`seed: no sample writer for .${extension} (${file.name})`);
  }
}
