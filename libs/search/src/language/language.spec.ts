import { detectLanguage, dominantLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['殭屍網路防制與電子認證', 'zh'],
    ['网络安全', 'zh'],
    ['情報セキュリティ対策の推進', 'ja'],
    ['セキュリティ', 'ja'],
    ['総務省', 'zh'], // Han alone cannot be told from Chinese
    ['사이버 보안 인식 제고', 'ko'],
    ['Botnet workshop report', 'en'],
    ['Économies en développement', 'en'],
    ['APEC TEL 第 37 次會議出國報告', 'zh'], // mostly Chinese with English names
    ['The PKI 訓練 program trained participants from many economies', 'en'],
    ['Привет мир', 'other'],
    ['12345 — !!!', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('dominantLanguage', () => {
  it('weighs chunks by their length', () => {
    expect(
      dominantLanguage([
        { text: 'short', language: 'en' },
        { text: '很長的中文段落'.repeat(10), language: 'zh' },
      ]),
    ).toBe('zh');
    expect(dominantLanguage([])).toBe('other');
  });
});
