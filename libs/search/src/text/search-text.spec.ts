import { ftsMatchExpression, indexableText, isCjkCode, MAX_QUERY_TERMS, parseSearchQuery } from './search-text';

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
    ['APEC TEL', 'APEC TEL'],
    ['殭屍網路', ' 殭屍 屍網 網路 路 '],
    ['網', ' 網 '],
    ['PKI暨電子認證', 'PKI 暨電 電子 子認 認證 證 '],
    ['網路，安全', ' 網路 路 , 安全 全 '],
    ['ＡＰＥＣ　ｔｅｌ', 'APEC tel'],
    ['ｾｷｭﾘﾃｨ', ' セキ キュ ュリ リテ ティ ィ '],
    ['보안은', ' 보안 안은 은 '],
    ['a\u0000b\uE000c', 'a b c'],
  ])('%j → %j', (input, expected) => {
    expect(indexableText(input)).toBe(expected);
  });
});

describe('parseSearchQuery', () => {
  const match = (q: string) => ftsMatchExpression(parseSearchQuery(q).terms);

  it.each([
    ['botnet', '"botnet"'],
    ['Botnet  REPORT', '"botnet" AND "report"'],
    ['"incident response"', '"incident response"'],
    ['2008-TELWG37-SPSG-006', '"2008 telwg37 spsg 006"'],
    ['網路', '"網路"'],
    ['網', '"網" *'],
    ['殭屍網路', '"殭屍 屍網 網路"'],
    ['電子認證，殭屍網路', '"電子 子認 認證" AND "殭屍 屍網 網路"'],
    ['X的', '"x 的" *'],
    ['網路X', '"網路 路 x"'],
    ['Économie', '"economie"'],
    ['NEAR(a b)', '"near a" AND "b"'],
    ['AND OR NOT', '"and" AND "or" AND "not"'],
    ['"unbalanced', '"unbalanced"'],
    ['*', ''],
    ['botnet botnet', '"botnet"'],
  ])('%j → %j', (q, expected) => {
    expect(match(q)).toBe(expected);
  });

  it('tells a blank query from one with nothing searchable', () => {
    expect(parseSearchQuery('  ').blank).toBe(true);
    expect(parseSearchQuery(null).blank).toBe(true);
    expect(parseSearchQuery('***')).toMatchObject({ blank: false, terms: [] });
  });

  it('caps length and the number of terms', () => {
    expect(parseSearchQuery('word '.repeat(5000)).terms.length).toBeLessThanOrEqual(2); // 'word' once, and a cut-off 'w'
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(parseSearchQuery(many).terms).toHaveLength(MAX_QUERY_TERMS);
    expect(match('x'.repeat(10_000)).length).toBeLessThan(300);
  });

  it('collects what the snippet marks', () => {
    const { needles } = parseSearchQuery('Botnet 殭屍網路 "e-Authentication"');
    expect([...needles.words]).toEqual(['botnet', 'e', 'authentication']);
    expect(needles.cjk).toEqual(['殭屍網路']);
  });
});
