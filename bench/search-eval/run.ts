/**
 * `npm run eval:search`: a judged query set over the TEL37 seed papers and generated text, run
 * against the SQLite index as the server builds it (PDFs through the real extraction worker), printing
 * recall@10 and MRR per class of query — so that a change to tokenization or ranking is measured.
 *
 * Every query names the documents that should be found (judged by construction: each generated
 * paper is written around its own topic words, in the form the class tests). Nothing here is
 * timed; it runs in a few seconds on a temporary index.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tel37Documents } from '../../seed/documents';
import { makePdf } from '../../libs/search/src/extraction/extraction.fixtures';
import { CONTENT_TYPES, ExtractedChunk } from '../../libs/search/src/extraction/extraction.types';
import { TextExtractor } from '../../libs/search/src/extraction/text-extractor';
import type { DocumentMeta } from '../../libs/search/src/index/search-index';
import { SqliteSearchIndex } from '../../libs/search/src/index/sqlite/sqlite-search-index';
import { detectLanguage } from '../../libs/search/src/language/language';

interface Judged {
  cls: string;
  query: string;
  /** Documents that should be found (any order). */
  expected: string[];
  /** For the page class: the page the hit of expected[0] should show. */
  page?: number;
}

interface Paper {
  id: string;
  title: string;
  pages: string[];
  revision?: number;
  publishedAt?: string;
}

const papers: Paper[] = [];
const judged: Judged[] = [];
const pdfPapers: { id: string; title: string; pdf: Buffer }[] = [];

// ---------------------------------------------------------------------------------------------
// 1. The seed's papers: found by words of their own title and body.
for (const doc of tel37Documents) {
  const body = doc.revisions.flatMap((r) => r.files.flatMap((f) => f.body));
  papers.push({ id: doc.symbol, title: doc.title, pages: body.length ? body : [doc.title] });
  const words = doc.title.split(/\s+/).filter((w) => w.length > 5 && /^[A-Za-z]+$/.test(w));
  if (words.length >= 2) judged.push({ cls: 'seed-title', query: words.slice(0, 2).join(' '), expected: [doc.symbol] });
  const bodyWords = body
    .join(' ')
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 7);
  if (bodyWords.length >= 2) judged.push({ cls: 'seed-body', query: `${bodyWords[0]} ${bodyWords[bodyWords.length - 1]}`, expected: [doc.symbol] });
}

// ---------------------------------------------------------------------------------------------
// 2. Chinese in both scripts and the regional word forms (our own pairs: mainland, Taiwan).
const ZH: [string, string][] = [
  ['网络安全', '網路安全'],
  ['僵尸网络', '殭屍網路'],
  ['电子认证', '電子認證'],
  ['软件漏洞', '軟體漏洞'],
  ['信息安全', '資訊安全'],
  ['宽带普及', '寬頻普及'],
  ['垃圾邮件', '垃圾郵件'],
  ['打印机', '印表機'],
  ['数据库', '資料庫'],
  ['服务器', '伺服器'],
  ['移动通信', '行動通訊'],
  ['硬盘', '硬碟'],
  ['程序设计', '程式設計'],
  ['互联网', '網際網路'],
  ['人工智能', '人工智慧'],
  ['视频会议', '視訊會議'],
  ['短信', '簡訊'],
  ['数字鸿沟', '數位落差'],
  ['网上银行', '網路銀行'],
  ['光纤', '光纖'],
];
const FILLER_ZH = ['本報告說明工作小組的討論與建議。', '本报告说明工作组的讨论与建议。'];
ZH.forEach(([cn, tw], i) => {
  const a = `zh-cn-${i}`;
  const b = `zh-tw-${i}`;
  papers.push({ id: a, title: `Mainland paper ${i}`, pages: [`${FILLER_ZH[1]}关于${cn}的政策与合作。`] });
  papers.push({ id: b, title: `Taiwan paper ${i}`, pages: [`${FILLER_ZH[0]}關於${tw}的政策與合作。`] });
  judged.push({ cls: 'zh-same-form', query: cn, expected: [a] });
  judged.push({ cls: 'zh-same-form', query: tw, expected: [b] });
  judged.push({ cls: 'zh-other-script/region', query: cn, expected: [b] });
  judged.push({ cls: 'zh-other-script/region', query: tw, expected: [a] });
});

// ---------------------------------------------------------------------------------------------
// 3. English inflections, full-width letters, English attached to Chinese.
const EN: [string, string][] = [
  ['botnet', 'botnets'],
  ['firewall', 'firewalls'],
  ['regulator', 'regulators'],
  ['authenticate', 'authentication'],
  ['encrypt', 'encryption'],
  ['interconnect', 'interconnection'],
  ['subscriber', 'subscribers'],
  ['spectrum auction', 'spectrum auctions'],
  ['honeypot', 'honeypots'],
  ['phishing kit', 'phishing kits'],
  ['certify', 'certified'],
  ['roam', 'roaming'],
  ['liberalize', 'liberalization'],
  ['harmonise', 'harmonised'],
  ['deploy', 'deployment'],
  ['operate', 'operators'],
  ['filter', 'filtering'],
  ['register', 'registration'],
  ['monitor', 'monitoring'],
  ['cable', 'cables'],
];
const TAGS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'kilo',
  'lima',
  'mike',
  'november',
  'oscar',
  'papa',
  'quebec',
  'romeo',
  'sierra',
  'tango',
];
EN.forEach(([base, inflected], i) => {
  const a = `en-base-${i}`;
  const b = `en-inflected-${i}`;
  papers.push({ id: a, title: `Working paper ${TAGS[i]} one`, pages: [`The group discussed ${base} policy in the ${TAGS[i]}zone region.`] });
  papers.push({ id: b, title: `Working paper ${TAGS[i]} two`, pages: [`Members reported on ${inflected} in the ${TAGS[i]}zone economies.`] });
  judged.push({ cls: 'en-exact-form', query: base, expected: [a] });
  judged.push({ cls: 'en-exact-form', query: inflected, expected: [b] });
  judged.push({ cls: 'en-inflection', query: inflected, expected: [a] });
  judged.push({ cls: 'en-inflection', query: base, expected: [b] });
  const wide = [...`${TAGS[i]}zone`].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
  judged.push({ cls: 'full-width', query: wide, expected: [a, b] });
});
const VENDORS = ['McAfee', 'Symantec', 'Cisco', 'Huawei', 'Ericsson', 'Nokia', 'Fortinet', 'Kaspersky', 'Trend', 'Akamai'];
VENDORS.forEach((v, i) => {
  const id = `cjk-latin-${i}`;
  papers.push({ id, title: `Vendor note ${i}`, pages: [`依據${v}報告，本經濟體的資安事件持續增加。`] });
  judged.push({ cls: 'latin-in-cjk', query: v.toLowerCase(), expected: [id] });
  judged.push({ cls: 'latin-in-cjk', query: `${v} 報告`, expected: [id] });
});

// ---------------------------------------------------------------------------------------------
// 4. Query syntax: OR, -word, "phrase", word*.
const SYN = ['wombat', 'numbat', 'quokka', 'bilby', 'dingo', 'possum', 'dugong', 'echidna', 'wallaby', 'kookaburra'];
SYN.forEach((animal, i) => {
  const guide = `syn-guide-${i}`;
  const plain = `syn-plain-${i}`;
  const apart = `syn-apart-${i}`;
  papers.push({ id: guide, title: `The ${animal} guide`, pages: [`A guide to ${animal} tracking networks.`] });
  papers.push({ id: plain, title: `Notes ${i}`, pages: [`Field ${animal} tracking results for the year.`] });
  papers.push({ id: apart, title: `Remarks ${i}`, pages: [`Tracking was hard; the ${animal} count fell.`] });
  const other = SYN[(i + 1) % SYN.length];
  judged.push({
    cls: 'syntax-or',
    query: `${animal} OR ${other}`,
    expected: [guide, plain, apart, `syn-guide-${(i + 1) % SYN.length}`, `syn-plain-${(i + 1) % SYN.length}`, `syn-apart-${(i + 1) % SYN.length}`],
  });
  judged.push({ cls: 'syntax-exclude', query: `${animal} -guide`, expected: [plain, apart] });
  judged.push({ cls: 'syntax-phrase', query: `"${animal} tracking"`, expected: [guide, plain] });
  judged.push({ cls: 'syntax-prefix', query: `${animal.slice(0, Math.max(3, animal.length - 2))}*`, expected: [guide, plain, apart] });
});

// ---------------------------------------------------------------------------------------------
// 5. The page shown: the topic once on page 1, at length on page 3.
const PAGE_TOPICS = [
  'spectrum refarming',
  'number portability',
  'submarine cable',
  'tower sharing',
  'lawful interception',
  'child online protection',
  'universal service',
  'cloud outage',
  'domain hijacking',
  'satellite backhaul',
];
PAGE_TOPICS.forEach((topic, i) => {
  const id = `page-${i}`;
  const [w1, w2] = topic.split(' ');
  papers.push({
    id,
    title: `Annual review ${i}`,
    pages: [
      `Contents: ${w1} and other matters.`,
      'Background of the review.',
      `${topic} in detail: ${topic} costs, ${topic} rules and ${topic} timelines.`,
      `Closing notes mention ${w2} once.`,
    ],
  });
  judged.push({ cls: 'best-page', query: topic, expected: [id], page: 3 });
});

// ---------------------------------------------------------------------------------------------
// 6. Chinese words broken by a PDF line end (extracted by the real worker).
const SPLIT: [string, number][] = [
  ['殭屍網路偵測', 3],
  ['電子簽章法規', 2],
  ['寬頻網路建設', 4],
  ['資安事件通報', 2],
  ['行動支付安全', 3],
  ['個人資料保護', 4],
  ['網域名稱管理', 2],
  ['雲端運算服務', 3],
  ['物聯網設備', 2],
  ['頻譜拍賣制度', 4],
];
SPLIT.forEach(([word, cut], i) => {
  const id = `pdf-split-${i}`;
  const text = `本文討論${word.slice(0, cut)}\n${word.slice(cut)}的現況`;
  pdfPapers.push({ id, title: `Scanned-era paper ${i}`, pdf: makePdf([{ lines: [`Paper ${i}`], cjk: { text, encoding: 'UniCNS-UCS2-H' } }]) });
  judged.push({ cls: 'pdf-line-split', query: word, expected: [id] });
});

// ---------------------------------------------------------------------------------------------

function meta(id: string, title: string, publishedAt = '2008-03-20T00:00:00.000Z', revision = 0): DocumentMeta {
  return {
    documentId: id,
    revisionId: `${id}-rev${revision}`,
    fileId: `${id}-file${revision}`,
    symbol: id.startsWith('2008-') ? id : `2008-TELWG37-EVAL-${id}`,
    title,
    meetingCode: 'TEL37',
    groupCode: 'EVAL',
    economyCodes: [],
    type: 'REPORT',
    year: 2008,
    language: 'en',
    access: 'PUBLIC',
    publishedAt,
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-eval-'));
  const index = SqliteSearchIndex.openFile(path.join(dir, 'search.sqlite'));
  const extractor = new TextExtractor({ ocrMaxPages: 0 });
  try {
    const files: { meta: DocumentMeta; chunks: ExtractedChunk[] }[] = papers.map((p) => ({
      meta: meta(p.id, p.title),
      chunks: p.pages.map((text, n) => ({ page: n + 1, section: null, text, language: detectLanguage(text) })),
    }));
    for (const p of pdfPapers) files.push({ meta: meta(p.id, p.title), chunks: (await extractor.extract(p.pdf, CONTENT_TYPES.pdf)).chunks });
    await index.upsertMany(files);

    const rows = new Map<string, { n: number; recall: number; mrr: number }>();
    const misses: string[] = [];
    for (const j of judged) {
      const r = await index.search({ query: j.query, includeRestricted: true, first: 10 });
      const top = r.hits.map((h) => h.documentId);
      const expected = new Set(j.expected);
      let recall = top.filter((id) => expected.has(id)).length / expected.size;
      const first = top.findIndex((id) => expected.has(id));
      let rr = first < 0 ? 0 : 1 / (first + 1);
      if (j.page !== undefined) {
        // Counted as found only on the right page.
        const hit = r.hits.find((h) => h.documentId === j.expected[0]);
        if (hit?.page !== j.page) {
          recall = 0;
          rr = 0;
        }
      }
      if (recall < 1) misses.push(`${j.cls}: ${j.query} → ${top.slice(0, 5).join(', ') || '(nothing)'}`);
      const row = rows.get(j.cls) ?? { n: 0, recall: 0, mrr: 0 };
      row.n++;
      row.recall += recall;
      row.mrr += rr;
      rows.set(j.cls, row);
    }
    const total = { n: 0, recall: 0, mrr: 0 };
    const line = (cls: string, r: { n: number; recall: number; mrr: number }) =>
      `| ${cls.padEnd(24)} | ${String(r.n).padStart(7)} | ${(r.recall / r.n).toFixed(3).padStart(9)} | ${(r.mrr / r.n).toFixed(3).padStart(5)} |`;
    console.log(`| ${'class'.padEnd(24)} | queries | recall@10 |   MRR |`);
    console.log(`|${'-'.repeat(26)}|---------|-----------|-------|`);
    for (const [cls, r] of rows) {
      console.log(line(cls, r));
      total.n += r.n;
      total.recall += r.recall;
      total.mrr += r.mrr;
    }
    console.log(line('all', total));
    console.log(`\n${papers.length + pdfPapers.length} documents, ${judged.length} judged queries.`);
    if (misses.length && process.argv.includes('--misses')) console.log(`\nMisses:\n${misses.join('\n')}`);
    else if (misses.length) console.log(`${misses.length} queries missed something (--misses lists them).`);
  } finally {
    await extractor.close();
    await index.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
