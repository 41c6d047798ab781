import type { SeedOrganization } from '../types';

/**
 * Observers and guests that take part in TEL (participant: true), then the national bodies the
 * seeded persons belong to (participant: false). Where annex 1 gives only an acronym in English,
 * the name is our English rendering of the Chinese name beside it.
 */
export const organizations: SeedOrganization[] = [
  // --- participants (observers / guests) ---
  { code: 'APEC-SEC', name: 'APEC Secretariat', kind: 'SECRETARIAT', participant: true, source: '§3.1 (observers and guests); §3.6 minutes 3(3)' },
  {
    code: 'INTUG',
    name: 'International Telecommunications Users Group',
    kind: 'USER_ASSOCIATION',
    participant: true,
    source: '§3.1 (observers and guests: 國際電信使用者協會 INTUG)',
  },
  { code: 'GBDE', name: 'Global Business Dialogue on e-commerce', kind: 'BUSINESS_ASSOCIATION', participant: true, source: '§3.1 (observers and guests: GBDe)' },
  { code: 'ITU', name: 'International Telecommunication Union', kind: 'INTERGOVERNMENTAL', participant: true, source: '§3.1 (observers and guests: 國際電信聯盟 ITU)' },
  {
    code: 'OECD',
    name: 'Organization for Economic Co-operation and Development',
    kind: 'INTERGOVERNMENTAL',
    participant: true,
    source: '§3.1 (observers and guests); §3.6 minutes 6 and 11(2)',
  },
  {
    code: 'SIFT',
    name: 'SIFT',
    kind: 'COMPANY',
    economyCode: 'AUS',
    participant: true,
    source: 'annex 4 item 9(a) (Nick Elsmore, SIFT, Australia); §3.6 minutes 3(5) (www.siftsecurity.net)',
  },

  // --- Chinese Taipei bodies (annex 1 and annex 2) ---
  {
    code: 'NCC',
    name: 'National Communications Commission',
    kind: 'GOVERNMENT_AGENCY',
    economyCode: 'CT',
    participant: false,
    source: 'annex 1 (members 1–3); §1 (NCC led the delegation)',
  },
  {
    code: 'RDEC',
    name: 'Research, Development and Evaluation Commission, Executive Yuan',
    kind: 'GOVERNMENT_AGENCY',
    economyCode: 'CT',
    participant: false,
    source: 'annex 1 (member 4: 行政院研究發展考核委員會)',
  },
  {
    code: 'ICST',
    name: 'Technical Service Center, National Information and Communication Security Taskforce, Executive Yuan',
    kind: 'GOVERNMENT_AGENCY',
    economyCode: 'CT',
    participant: false,
    source: 'annex 1 (member 5: 行政院國家資通安全會報技術服務中心)',
  },
  { code: 'TTC', name: 'Telecom Technology Center', kind: 'RESEARCH_INSTITUTE', economyCode: 'CT', participant: false, source: 'annex 1 (members 6–7: 電信技術中心)' },
  {
    code: 'NCHC',
    name: 'National Center for High-performance Computing, National Applied Research Laboratories',
    kind: 'RESEARCH_INSTITUTE',
    economyCode: 'CT',
    participant: false,
    source: 'annex 1 (members 8–11: 國家實驗研究院國家高速網路與計算中心)',
  },
  {
    code: 'MOEA',
    name: 'Ministry of Economic Affairs',
    kind: 'GOVERNMENT_AGENCY',
    economyCode: 'CT',
    participant: false,
    source: 'annex 1 (member 12: Department of Commerce, Ministry of Economic Affairs); cover page',
  },
  {
    code: 'ITRI-PKI',
    name: 'PKI Promotion Program Office (Industrial Technology Research Institute)',
    kind: 'RESEARCH_INSTITUTE',
    economyCode: 'CT',
    participant: false,
    source: 'annex 1 (member 13: 經濟部 PKI 推動專案辦公室 (工業技術研究院))',
  },
  { code: 'MOJ', name: 'Ministry of Justice', kind: 'GOVERNMENT_AGENCY', economyCode: 'CT', participant: false, source: 'annex 1 (members 14–17)' },
  { code: 'CHT-TL', name: 'Chunghwa Telecom Co., Ltd. (Telecommunication Laboratories)', kind: 'COMPANY', economyCode: 'CT', participant: false, source: 'annex 1 (member 18)' },
  { code: 'TWNIC', name: 'Taiwan Network Information Center', kind: 'OTHER', economyCode: 'CT', participant: false, source: 'annex 1 (member 19)' },
  { code: 'CT-PKI-FORUM', name: 'Chinese Taipei PKI Forum', kind: 'OTHER', economyCode: 'CT', participant: false, source: 'annex 2 (project overseer)' },

  // --- other economies' bodies ---
  {
    code: 'KISA',
    name: 'Korea Information Security Agency',
    kind: 'GOVERNMENT_AGENCY',
    economyCode: 'ROK',
    participant: false,
    source: '§3.1 (Jinhyun Cho, KISA Response Coordination Team; acronym only in the report)',
  },
  {
    code: 'US-DHS',
    name: 'Department of Homeland Security',
    kind: 'GOVERNMENT_AGENCY',
    economyCode: 'USA',
    participant: false,
    source: '§3.1 (Jordana L. Siegel, 美國 Homeland Security 部門)',
  },
  {
    code: 'MIC',
    name: 'Ministry of Internal Affairs and Communications',
    kind: 'GOVERNMENT_AGENCY',
    economyCode: 'JPN',
    participant: false,
    source: '§3.1 (host of TEL37: 日本總務省)',
  },
];
