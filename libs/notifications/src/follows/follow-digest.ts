import { absoluteLink, listText } from '../mail/mail-render';

/** One line of a digest: a new document or revision. */
export interface DigestLine {
  heading: string;
  citation: string;
  title: string;
  path: string;
}

export interface DigestSection {
  heading: string;
  items: { text: string; link: string }[];
}

export interface Digest {
  title: string;
  /** Plain-text paragraphs (the notification's body; the mail's text part). */
  body: string[];
  sections: DigestSection[];
}

/** "SPSG at TEL37", "SPSG at TEL37 and TEL38", "A, B and C". */
function joinHeadings(headings: string[]): string {
  return headings.length <= 1 ? (headings[0] ?? '') : `${headings.slice(0, -1).join(', ')} and ${headings[headings.length - 1]}`;
}

/**
 * One follower's digest: "3 new documents for SPSG at TEL37", then each heading with its
 * documents in the order they were registered — citation, title and a link to the web app's page.
 */
export function composeDigest(lines: readonly DigestLine[], publicUrl: string): Digest {
  if (!lines.length) throw new Error('a digest needs at least one line');
  const byHeading = new Map<string, DigestLine[]>();
  for (const line of lines) byHeading.set(line.heading, [...(byHeading.get(line.heading) ?? []), line]);
  const sections = [...byHeading].map(([heading, items]) => ({
    heading,
    items: items.map((i) => ({ text: `${i.citation} — ${i.title}`, link: absoluteLink(publicUrl, i.path) })),
  }));
  const n = lines.length;
  const title = `${n} new document${n === 1 ? '' : 's'} for ${joinHeadings([...byHeading.keys()])}`;
  const body = sections.map(listText);
  return { title, body, sections };
}
