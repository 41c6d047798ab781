import type { SeedEconomy } from '../types';

/** The 21 APEC member economies; codes are the short forms DOMAIN.md suggests. */
const ATTENDED = '§3.1 (list of attending economies)';
const ABSENT = '§3.1 (汶萊、墨西哥、俄羅斯 sent no one)';

export const economies: SeedEconomy[] = [
  { code: 'AUS', name: 'Australia', attendedTel37: true, source: ATTENDED },
  { code: 'BD', name: 'Brunei Darussalam', attendedTel37: false, source: ABSENT },
  { code: 'CDA', name: 'Canada', attendedTel37: true, source: ATTENDED },
  { code: 'CHL', name: 'Chile', attendedTel37: true, source: ATTENDED },
  { code: 'PRC', name: "People's Republic of China", attendedTel37: true, source: ATTENDED },
  { code: 'HKC', name: 'Hong Kong, China', attendedTel37: true, source: ATTENDED },
  { code: 'INA', name: 'Indonesia', attendedTel37: true, source: ATTENDED },
  { code: 'JPN', name: 'Japan', attendedTel37: true, source: ATTENDED },
  { code: 'ROK', name: 'Republic of Korea', attendedTel37: true, source: ATTENDED },
  { code: 'MAS', name: 'Malaysia', attendedTel37: true, source: ATTENDED },
  { code: 'MEX', name: 'Mexico', attendedTel37: false, source: ABSENT },
  {
    code: 'NZ',
    name: 'New Zealand',
    // The list names Chile twice and omits New Zealand; 21 members minus 3 absentees = 18 says it came.
    attendedTel37: true,
    source: '§3.1 (inferred: the list names Chile twice and omits New Zealand; 21 − 3 absent = 18)',
  },
  { code: 'PNG', name: 'Papua New Guinea', attendedTel37: true, source: ATTENDED },
  { code: 'PE', name: 'Peru', attendedTel37: true, source: ATTENDED },
  { code: 'PHL', name: 'The Philippines', attendedTel37: true, source: ATTENDED },
  { code: 'RUS', name: 'Russia', attendedTel37: false, source: ABSENT },
  { code: 'SGP', name: 'Singapore', attendedTel37: true, source: ATTENDED },
  { code: 'CT', name: 'Chinese Taipei', attendedTel37: true, source: `${ATTENDED}; annex 1` },
  { code: 'THA', name: 'Thailand', attendedTel37: true, source: ATTENDED },
  { code: 'USA', name: 'United States', attendedTel37: true, source: ATTENDED },
  { code: 'VN', name: 'Viet Nam', attendedTel37: true, source: ATTENDED },
];
