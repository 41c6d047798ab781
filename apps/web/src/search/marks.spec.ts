import { decodeEntities, parseMarks, snippetLanguage } from './marks';

describe('parseMarks', () => {
  it('splits marked matches from text', () => {
    expect(parseMarks('the <mark>botnet</mark> survey of <mark>殭屍網路</mark>…')).toEqual([
      { text: 'the ', marked: false },
      { text: 'botnet', marked: true },
      { text: ' survey of ', marked: false },
      { text: '殭屍網路', marked: true },
      { text: '…', marked: false },
    ]);
  });

  it('decodes the escaping, so markup in a paper stays text', () => {
    expect(parseMarks('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>A&amp;B</mark> &quot;q&quot; it&#39;s')).toEqual([
      { text: '<script>alert(1)</script> & ', marked: false },
      { text: 'A&B', marked: true },
      { text: ' "q" it\'s', marked: false },
    ]);
  });

  it('never turns other tags into markup', () => {
    const parts = parseMarks('<b>bold</b> <img src=x onerror=alert(1)> <mark>hit</mark>');
    expect(parts).toEqual([
      { text: '<b>bold</b> <img src=x onerror=alert(1)> ', marked: false },
      { text: 'hit', marked: true },
    ]);
  });

  it('treats an unclosed or stray mark as text boundaries only', () => {
    expect(parseMarks('a <mark>b')).toEqual([{ text: 'a b', marked: false }]);
    expect(parseMarks('a </mark>b')).toEqual([{ text: 'a b', marked: false }]);
    expect(parseMarks('')).toEqual([]);
    expect(parseMarks('<mark></mark>x')).toEqual([{ text: 'x', marked: false }]);
  });

  it('joins adjacent marks', () => {
    expect(parseMarks('<mark>incident</mark><mark> response</mark>')).toEqual([{ text: 'incident response', marked: true }]);
  });
});

describe('decodeEntities', () => {
  it('decodes numeric entities and leaves unknown ones', () => {
    expect(decodeEntities('&#x6BAD;&#27542; &nbsp; &#0; &bogus;')).toBe('殭殖 &nbsp; &#0; &bogus;');
  });
});

describe('snippetLanguage', () => {
  it.each([
    ['主題：中國主辦之「殭屍網路」', 'en', 'zh'],
    ['主題：殭屍網路', 'zh-Hant', 'zh-Hant'],
    ['ボットネット対策', 'en', 'ja'],
    ['봇넷 대응', 'en', 'ko'],
    ['botnet response', 'en', 'en'],
  ])('%s in a %s document is %s', (text, lang, expected) => {
    expect(snippetLanguage(text, lang)).toBe(expected);
  });
});
