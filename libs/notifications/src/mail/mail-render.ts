/** The parts of a message as the mail outbox stores them (before `{secret}` is filled in). */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContent {
  title: string;
  body: readonly string[];
  /** Absolute link, or null. */
  link: string | null;
  /** Why the recipient gets it and where to switch it off; null for account messages. */
  footer: string | null;
  greeting?: string | null;
  /** Linked lists after the paragraphs (a digest: each heading with its documents). */
  list?: readonly { heading: string; items: readonly { text: string; link: string }[] }[];
}

/** The text form of a linked list: the heading, then each item with its link on the next line. */
export function listText(section: { heading: string; items: readonly { text: string; link: string }[] }): string {
  return [`${section.heading}:`, ...section.items.map((i) => `- ${i.text}\n  ${i.link}`)].join('\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A subject is one line: no CR/LF (header injection), at most 250 characters. */
export function subjectLine(title: string): string {
  const line = title
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return line.length > 250 ? `${line.slice(0, 249)}…` : line;
}

/** English plain text and HTML of the same message; every value is escaped in the HTML part. */
export function renderMail(content: MailContent): RenderedMail {
  const subject = subjectLine(content.title);
  const paragraphs = content.body.map((p) => p.trim()).filter(Boolean);
  const list = content.list ?? [];
  const text = [
    ...paragraphs,
    ...list.map(listText),
    ...(content.link ? [`Open: ${content.link}`] : []),
    '-- ',
    `APEC TEL registry${content.footer ? `\n${content.footer}` : ''}`,
  ].join('\n\n');
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body>',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...list.map(
      (section) => `<h2>${escapeHtml(section.heading)}</h2><ul>${section.items.map((i) => `<li><a href="${escapeHtml(i.link)}">${escapeHtml(i.text)}</a></li>`).join('')}</ul>`,
    ),
    content.link ? `<p><a href="${escapeHtml(content.link)}">${escapeHtml(content.link)}</a></p>` : '',
    `<hr><p><small>APEC TEL registry${content.footer ? `<br>${escapeHtml(content.footer)}` : ''}</small></p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}

/** Joins PUBLIC_URL and a page path of the web app. */
export function absoluteLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export const SECRET_PLACEHOLDER = '{secret}';

/** Fills in a one-time link's secret (at send time, never stored). */
export function fillSecret(mail: RenderedMail, secret: string): RenderedMail {
  const fill = (s: string) => s.split(SECRET_PLACEHOLDER).join(secret);
  return { subject: mail.subject, text: fill(mail.text), html: fill(mail.html) };
}
