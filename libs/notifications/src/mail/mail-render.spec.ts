import { absoluteLink, fillSecret, renderMail, subjectLine } from './mail-render';

describe('renderMail', () => {
  it('writes the same message as text and as escaped HTML, with the link in both', () => {
    const mail = renderMail({ title: 'Report <submitted>', body: ['A & B', ''], link: 'https://tel.example.org/projects/1?a=1&b=2', footer: 'Switch it off at /account' });
    expect(mail.subject).toBe('Report <submitted>');
    expect(mail.text).toContain('A & B');
    expect(mail.text).toContain('Open: https://tel.example.org/projects/1?a=1&b=2');
    expect(mail.html).toContain('<p>A &amp; B</p>');
    expect(mail.html).toContain('href="https://tel.example.org/projects/1?a=1&amp;b=2"');
    expect(mail.html).toContain('<title>Report &lt;submitted&gt;</title>');
    expect(mail.html).not.toContain('<submitted>');
  });

  it.each([
    ['a\r\nBcc: x@y', 'a Bcc: x@y'],
    ['  two   spaces ', 'two spaces'],
    ['x'.repeat(300), `${'x'.repeat(249)}…`],
  ])('keeps a subject on one line: %j', (title, expected) => {
    expect(subjectLine(title)).toBe(expected);
  });

  it('fills a one-time secret into every part', () => {
    const mail = renderMail({ title: 't', body: ['b'], link: absoluteLink('http://h/', '/invitation/{secret}'), footer: null });
    const filled = fillSecret(mail, 'SECRET');
    expect(filled.text).toContain('http://h/invitation/SECRET');
    expect(filled.html).toContain('http://h/invitation/SECRET');
    expect(mail.text).toContain('{secret}');
  });

  it('renders a linked list: each item a link in the HTML, the link on its own line in the text', () => {
    const mail = renderMail({
      title: '2 new documents for SPSG at TEL37',
      body: [],
      link: null,
      footer: null,
      list: [{ heading: 'SPSG at TEL37', items: [{ text: '2008-TELWG37-SPSG-006 — A <b> & c', link: 'http://h/documents/2008-TELWG37-SPSG-006' }] }],
    });
    expect(mail.text).toContain('SPSG at TEL37:\n- 2008-TELWG37-SPSG-006 — A <b> & c\n  http://h/documents/2008-TELWG37-SPSG-006');
    expect(mail.html).toContain('<h2>SPSG at TEL37</h2><ul><li><a href="http://h/documents/2008-TELWG37-SPSG-006">2008-TELWG37-SPSG-006 — A &lt;b&gt; &amp; c</a></li></ul>');
  });
});
