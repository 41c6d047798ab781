import { findTermMatches, ftsMatchExpression, indexableText, isCjkCode, MAX_QUERY_TERMS, parseSearchQuery, textUnits } from './search-text';

describe('isCjkCode', () => {
  it('misses no letter of Han, kana or Hangul in the BMP, and adds only marks CJK text uses', () => {
    const script = /(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{Nl}]|\u30FC/u;
    const missed: number[] = [];
    const extra: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const isLetter = script.test(String.fromCodePoint(cp));
      if (isLetter && !isCjkCode(cp)) missed.push(cp);
      if (!isLetter && isCjkCode(cp)) extra.push(cp);
    }
    expect(missed).toEqual([]);
    // 〆, the kana repeat marks and the half-width sound marks (script "Common"), and unassigned
    // code points inside the Hangul and compatibility-ideograph blocks.
    const allowed = (cp: number) =>
      cp === 0x3006 || (cp >= 0x3031 && cp <= 0x303c) || (cp >= 0xd7b0 && cp <= 0xd7ff) || (cp >= 0xfa00 && cp <= 0xfaff) || (cp >= 0xff66 && cp <= 0xffdc);
    expect(extra.filter((cp) => !allowed(cp)).map((cp) => cp.toString(16))).toEqual([]);
  });
});

describe('indexableText', () => {
  it.each([
    ['APEC TEL', 'apec tel'],
    ['殭屍網路', ' 僵尸 尸网 网路 路 '],
    ['网络', ' 网络 络 '],
    ['網', ' 网 '],
    ['PKI暨電子認證', 'pki 暨电 电子 子认 认证 证 '],
    ['網路，安全', ' 网路 路 , 安全 全 '],
    ['ＡＰＥＣ　ｔｅｌ', 'apec tel'],
    ['Botnets and BOTNET herders', 'botnet and botnet herder'],
    ['依據McAfee報告', ' 依据 据 mcafe 报告 告 '],
    ['ｾｷｭﾘﾃｨ', ' セキ キュ ュリ リテ ティ ィ '],
    ['보안은', ' 보안 안은 은 '],
    ['a\u0000b\uE000c', 'a b c'],
  ])('%j → %j', (input, expected) => {
    expect(indexableText(input)).toBe(expected);
  });
});

describe('parseSearchQuery', () => {
  const match = (q: string) => ftsMatchExpression(parseSearchQuery(q));

  it.each([
    ['botnet', '"botnet"'],
    ['botnets', '("botnet" OR "botnets")'],
    ['Botnet  REPORT', '"botnet" AND "report"'],
    ['"incident response"', '"incid respons"'],
    ['"botnets"', '"botnets"'],
    ['2008-TELWG37-SPSG-006', '"2008 telwg37 spsg 006"'],
    ['網路', '("网路" OR "网络")'],
    ['网络', '("网络" OR "网路")'],
    ['软件', '("软件" OR "软体")'],
    ['網', '"网" *'],
    ['殭屍網路', '("僵尸 尸网 网路" OR "僵尸 尸网 网络")'],
    ['X的', '"x 的" *'],
    ['Économie', '"economie"'],
    ['ＴＥＬ３７', '"tel37"'],
    ['NEAR(a b)', '"near a" AND "b"'],
    ['botnet OR malware', '("botnet" OR "malwar" OR "malware")'],
    ['botnet -guide', '("botnet") NOT (("guid" OR "guide"))'],
    ['botnet -"user guide"', '("botnet") NOT ("user guid")'],
    ['-guide', '("guid" OR "guide")'],
    ['auth*', '"auth" *'],
    ['a*', '"a"'],
    ['AND OR NOT', '("and" OR "not")'],
    ['OR botnet', '"or" AND "botnet"'],
    ['botnet OR', '"botnet" AND "or"'],
    ['"unbalanced', '("unbalanc" OR "unbalanced")'],
    ['*', ''],
    ['botnet botnet', '"botnet"'],
  ])('%j → %j', (q, expected) => {
    expect(match(q)).toBe(expected);
  });

  it('tells a blank query from one with nothing searchable', () => {
    expect(parseSearchQuery('  ').blank).toBe(true);
    expect(parseSearchQuery(null).blank).toBe(true);
    expect(parseSearchQuery('***')).toMatchObject({ blank: false, clauses: [] });
    expect(parseSearchQuery('-- - OR "" -""')).toMatchObject({ blank: false });
  });

  it('caps length and the number of terms', () => {
    expect(parseSearchQuery('word '.repeat(5000)).clauses.length).toBeLessThanOrEqual(2); // 'word' once, and a cut-off 'w'
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(parseSearchQuery(many).clauses).toHaveLength(MAX_QUERY_TERMS);
    expect(match('x'.repeat(10_000)).length).toBeLessThan(300);
  });

  it('matches terms in text as whole words, phrases where they stand, Chinese in either script', () => {
    const text = '依據McAfee的報告，e-Commerce 與 botnets；网络 and the Botnet Guide';
    const found = (q: string) => findTermMatches(textUnits(text), parseSearchQuery(q)).map((m) => text.slice(m.start, m.end));
    expect(found('mcafee')).toEqual(['McAfee']);
    expect(found('"e-commerce"')).toEqual(['e-Commerce']);
    expect(found('e')).toEqual(['e']);
    expect(found('botnet')).toEqual(['botnets', 'Botnet']);
    expect(found('網路')).toEqual(['网络']);
    expect(found('報告 guide')).toEqual(['報告', 'Guide']);
    expect(found('bot*')).toEqual(['botnets', 'Botnet']);
  });
});
