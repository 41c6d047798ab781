import { expect } from '@jest/globals';
import { checkEmail, isMixedScript, normalizeEmail, requireEmail } from './credentials';

describe('e-mail normalization', () => {
  // [what, raw, stored form or null]
  const cases: [string, string, string | null][] = [
    ['trims and lower-cases', '  Ada.Lovelace@Example.ORG ', 'ada.lovelace@example.org'],
    ['folds full-width letters (NFKC)', 'ａｄｍｉｎ＠ｅｘａｍｐｌｅ．ｏｒｇ', 'admin@example.org'],
    ['folds a ligature (NFKC)', 'oﬃce@example.org', 'office@example.org'],
    ['composes a decomposed accent (NFKC)', 'pe\u0301le\u0301@exemple.fr', 'pélé@exemple.fr'],
    ['keeps accented Latin', 'Pélé@Exemple.FR', 'pélé@exemple.fr'],
    ['keeps an all-Greek address', 'Θέμις@παράδειγμα.ελ', 'θέμις@παράδειγμα.ελ'],
    ['keeps an all-Cyrillic address', 'Иван@пример.рф', 'иван@пример.рф'],
    ['keeps Chinese with a Latin top-level domain', '用户@例子.com', '用户@例子.com'],
    ['keeps Japanese (Han + kana) with Latin', 'たなか太郎@example.jp', 'たなか太郎@example.jp'],
    ['keeps Korean (Hangul + Han) with Latin', '김철수@example.kr', '김철수@example.kr'],
    ['refuses a Cyrillic "а" in a Latin local part', '\u0430dmin@example.org', null],
    ['refuses a Cyrillic "е" in a Latin domain', 'admin@\u0435xample.org', null],
    ['refuses a Greek "ο" in a Latin address', 'b\u03bfb@example.org', null],
    ['refuses Cyrillic local part with a Latin domain', 'иван@example.org', null],
    ['refuses Hangul mixed with kana', '김たなか@example.kr', null],
    ['refuses a zero-width space', 'a\u200bdmin@example.org', null],
    ['refuses a right-to-left override', 'admin\u202e@example.org', null],
    ['refuses a space inside', 'ad min@example.org', null],
    ['refuses an empty string', '   ', null],
    ['refuses a display name', 'Ada <ada@example.org>', null],
    ['refuses an IP domain', 'a@[127.0.0.1]', null],
    ['refuses a missing top-level domain', 'a@b', null],
    ['refuses more than 254 characters', `${'x'.repeat(250)}@example.org`, null],
  ];

  it.each(cases)('%s', (_what, raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
    if (expected === null) expect(() => requireEmail(raw)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    else expect(requireEmail(raw)).toBe(expected);
  });

  it('says why a look-alike is refused', () => {
    const checked = checkEmail('\u0430dmin@example.org');
    expect(checked).toEqual({ ok: false, problem: expect.stringMatching(/mixes letters of different scripts \(Cyrillic, Latin\)/) });
  });

  it('normalizing twice changes nothing', () => {
    for (const [, , expected] of cases) if (expected) expect(normalizeEmail(expected)).toBe(expected);
  });

  it.each([
    ['latin', false],
    ['lаtin', true], // Cyrillic а
    ['123-._', false],
    ['漢字かなカナ', false],
    ['漢字abc', false],
    ['ㄅㄆ漢abc', false],
    ['ㄅㄆかな', true],
    ['ελληνικά', false],
    ['ελλnικά', true],
  ])('isMixedScript(%p) is %p', (text, mixed) => {
    expect(isMixedScript(text)).toBe(mixed);
  });
});
