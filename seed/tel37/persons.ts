import type { SeedPerson } from '../types';

/**
 * Keys are the kebab-case English name, with a parenthesised nickname dropped
 * ("Dan (Hsi-Tien) Chang" → "hsi-tien-chang").
 */
const officeHoldersAndPresenters: SeedPerson[] = [
  {
    key: 'arnon-tubtiang',
    name: 'Arnon Tubtiang',
    honorific: 'Dr.',
    economyCode: 'THA',
    source: '§3.1 (TEL chair)',
  },
  {
    key: 'shamsul-jafni-shafie',
    // Also spelt "Sameul Jafni Shafie" in §3.1.
    name: 'Shamsul Jafni Shafie',
    honorific: 'Mr.',
    economyCode: 'MAS',
    source: '§3.1; §3.6 (一) (SPSG convenor)',
  },
  {
    key: 'jordana-l-siegel',
    name: 'Jordana L. Siegel',
    honorific: 'Ms.',
    organizationCode: 'US-DHS',
    economyCode: 'USA',
    source: '§3.1 (SPSG vice-convenor, Homeland Security); §3.6 (一)',
  },
  {
    key: 'jinhyun-cho',
    name: 'Jinhyun Cho',
    honorific: 'Mr.',
    organizationCode: 'KISA',
    economyCode: 'ROK',
    source: '§3.1 (KISA Response Coordination Team; SPSG convenor from TEL37); §3.6 (一)',
  },
  {
    key: 'nick-elsmore',
    name: 'Nick Elsmore',
    organizationCode: 'SIFT',
    economyCode: 'AUS',
    source: 'annex 4 item 9(a); §3.6 minutes 9',
  },
  {
    key: 'kelly-mudford',
    name: 'Kelly Mudford',
    economyCode: 'AUS',
    source: '§3.6 minutes 8',
  },
  {
    key: 'chris-cheah',
    name: 'Chris Cheah',
    economyCode: 'AUS',
    source: '§3.6 minutes 10',
  },
  {
    key: 'pai-por-wang',
    // The form writes "Mr. Pai-Por, Wang". The e-mail is the contact the form gives for the overseer.
    name: 'Pai-Por Wang',
    honorific: 'Mr.',
    title: 'Chairman',
    organizationCode: 'CT-PKI-FORUM',
    economyCode: 'CT',
    email: 'anitakuo@itri.org.tw',
    source: 'annex 2 (project overseer)',
  },
];

/** Annex 1: the Chinese Taipei delegation, in the annex's order (1–19). */
const delegate = (n: number, key: string, name: string, nameLocal: string, honorific: string, title: string, organizationCode: string): SeedPerson => ({
  key,
  name,
  nameLocal,
  honorific,
  title,
  organizationCode,
  economyCode: 'CT',
  delegationOf: 'TEL37',
  source: `annex 1 (member ${n})`,
});

const delegation: SeedPerson[] = [
  delegate(1, 'po-chou-liang', 'Po-Chou Liang', '梁伯州', 'Mr.', 'Senior Technical Specialist', 'NCC'),
  delegate(2, 'ching-heng-lin', 'Ching-Heng Lin', '林慶恆', 'Mr.', 'Senior Technical Specialist', 'NCC'),
  delegate(3, 'jun-an-chen', 'Jun-An Chen', '陳俊安', 'Mr.', 'Senior Technical Specialist', 'NCC'),
  delegate(4, 'hong-wei-jyan', 'Hong-Wei Jyan', '簡宏偉', 'Mr.', 'Senior System Analyst', 'RDEC'),
  {
    ...delegate(5, 'jia-chyi-wu', 'Jia-Chyi Wu', '吳家祺', 'Mr.', 'Deputy Director', 'ICST'),
    source: 'annex 1 (member 5); §3.3, §3.4 (speaker at the botnet and ICT-security workshops)',
  },
  delegate(6, 'nien-po-sheng', 'Nien-Po Sheng', '盛念伯', 'Mr.', 'Assistant Manager', 'TTC'),
  delegate(7, 'elizabeth-hsu', 'Elizabeth Hsu', '許碧姍', 'Ms.', 'Director', 'TTC'),
  {
    // Annex 1 writes "Dr. Dan(Hsi-Tien) Chang"; the Chinese title there is 機要, the English "Secretary General".
    ...delegate(8, 'hsi-tien-chang', 'Dan (Hsi-Tien) Chang', '張希典', 'Dr.', 'Secretary General', 'NCHC'),
    source: 'annex 1 (member 8); §3.1 and §3.2 (elected DSG convenor)',
  },
  delegate(9, 'whey-fone-tsai', 'Whey-Fone Tsai', '蔡惠峰', 'Dr.', 'Deputy Director', 'NCHC'),
  delegate(10, 'fang-pang-lin', 'Fang-Pang Lin', '林芳邦', 'Dr.', 'Division Manager', 'NCHC'),
  delegate(11, 'te-lin-chung', 'Te-Lin Chung', '鍾德霖', 'Dr.', 'Associate Researcher', 'NCHC'),
  {
    // Department of Commerce, MOEA; author of the report.
    ...delegate(12, 'horng-chang-tsai', 'Horng-Chang Tsai', '蔡鴻昌', 'Mr.', 'Specialist', 'MOEA'),
    source: 'annex 1 (member 12); cover page (author of the report)',
  },
  delegate(13, 'anita-shu-yi-kuo', 'Anita Shu-Yi Kuo', '郭淑儀', 'Ms.', 'Director', 'ITRI-PKI'),
  // Members 14–17: Ministry of Justice; units as annex 1 gives them in the comments.
  delegate(14, 'yan-xun-lin', 'Yan-Xun Lin', '林延勳', 'Mr.', "Prosecutor's Investigator", 'MOJ'), // Department of Prosecutorial Affairs
  delegate(15, 'yun-ju-chen', 'Yun-Ju Chen', '陳韻如', 'Ms.', 'Prosecutor', 'MOJ'), // Taipei District Prosecutors Office
  delegate(16, 'ning-li-lu', 'Ning-Li Lu', '呂寧莉', 'Ms.', 'Prosecutor', 'MOJ'), // Department of Prosecutorial Affairs
  delegate(17, 'yuan-teng', 'Yuan Teng', '鄧媛', 'Ms.', 'Prosecutor', 'MOJ'), // Ban-Chiao District Prosecutors Office
  delegate(18, 'wu-jhy-chiu', 'Wu-Jhy Chiu', '邱武志', 'Mr.', 'Vice President', 'CHT-TL'),
  delegate(19, 'ching-yu-kao', 'Ching-Yu Kao', '高境輿', 'Mr.', 'Engineer', 'TWNIC'),
];

export const persons: SeedPerson[] = [...officeHoldersAndPresenters, ...delegation];
