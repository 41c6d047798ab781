import { parseSearchQuery } from '../text/search-text';
import { escapeHtml, makeSnippet, markedToHtml } from './snippet';

const snippet = (text: string, q: string) => makeSnippet(text, parseSearchQuery(q));

describe('makeSnippet', () => {
  it('marks whole words in any case and escapes the rest', () => {
    expect(snippet('A <b>Botnet</b> & botnets; "botnet"', 'botnet')).toBe('A &lt;b&gt;<mark>Botnet</mark>&lt;/b&gt; &amp; <mark>botnets</mark>; &quot;<mark>botnet</mark>&quot;');
  });

  it('marks CJK words inside longer runs, as written', () => {
    expect(snippet('中華台北報告殭屍網路防制', '殭屍網路')).toBe('中華台北報告<mark>殭屍網路</mark>防制');
    expect(snippet('網路與網站', '網')).toBe('<mark>網</mark>路與<mark>網</mark>站');
  });

  it('cuts a window around the densest cluster and says where it cut', () => {
    const text = `${'filler words here. '.repeat(40)}the botnet report on incident response ${'more filler. '.repeat(40)}`;
    const s = snippet(text, 'botnet incident');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>botnet</mark> report on <mark>incident</mark>');
    expect(s.replace(/<\/?mark>/g, '').length).toBeLessThan(260);
  });

  it('marks a quoted phrase only where it stands, and English attached to Chinese', () => {
    expect(snippet('e-Commerce and e-Government: the e of each', '"e-commerce"')).toBe('<mark>e-Commerce</mark> and e-Government: the e of each');
    expect(snippet('依據McAfee報告指出', 'mcafee')).toBe('依據<mark>McAfee</mark>報告指出');
  });

  it('marks a word in its other script or regional form, and drops line ends inside Chinese', () => {
    expect(snippet('本計畫研究殭屍網\n路的偵測', '僵尸网络')).toBe('本計畫研究<mark>殭屍網\n路</mark>的偵測'.replace('\n', ' ').replace(' ', ''));
    expect(snippet('以 ＴＥＬ３７ 為準', 'tel37')).toBe('以 <mark>ＴＥＬ３７</mark> 為準');
  });

  it('shows the start of the text when nothing matches (a title match)', () => {
    expect(snippet('Opening   remarks\n\nby the chair', 'secretariat')).toBe('Opening remarks by the chair');
  });

  it('never lets text through unescaped', () => {
    const s = snippet('<script>alert(1)</script><img src=x onerror=alert(1)> botnet', 'botnet');
    expect(s.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('markedToHtml', () => {
  it('escapes first, then turns the private-use markers into <mark>', () => {
    expect(markedToHtml('a <b> \uE000botnet\uE001 & c')).toBe('a &lt;b&gt; <mark>botnet</mark> &amp; c');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });
});
