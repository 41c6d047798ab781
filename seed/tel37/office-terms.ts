import type { SeedOfficeTerm } from '../types';

/** Office holders before and after the elections at the TEL37 plenary. */
export const officeTerms: SeedOfficeTerm[] = [
  {
    groupCode: 'TEL',
    role: 'CHAIR',
    personKey: 'arnon-tubtiang',
    economyCode: 'THA',
    note: 'Chair at TEL37; term dates not in the report.',
    source: '§3.1',
  },
  {
    groupCode: 'SPSG',
    role: 'CONVENOR',
    personKey: 'shamsul-jafni-shafie',
    economyCode: 'MAS',
    toMeetingCode: 'TEL37',
    note: 'Stepped down at TEL37.',
    source: '§3.1; §3.6 (一)',
  },
  {
    groupCode: 'SPSG',
    role: 'VICE_CONVENOR',
    personKey: 'jordana-l-siegel',
    economyCode: 'USA',
    note: 'Vice-convenor before TEL37 and again after the TEL37 elections.',
    source: '§3.1; §3.6 (一)',
  },
  {
    groupCode: 'SPSG',
    role: 'VICE_CONVENOR',
    personKey: 'jinhyun-cho',
    economyCode: 'ROK',
    toMeetingCode: 'TEL37',
    note: 'Moved up to convenor at TEL37.',
    source: '§3.1; §3.6 (一)',
  },
  {
    groupCode: 'SPSG',
    role: 'CONVENOR',
    personKey: 'jinhyun-cho',
    economyCode: 'ROK',
    fromMeetingCode: 'TEL37',
    source: '§3.1',
  },
  {
    groupCode: 'SPSG',
    role: 'VICE_CONVENOR',
    economyCode: 'AUS',
    fromMeetingCode: 'TEL37',
    note: 'The report names only the economy (澳洲代表), not the person.',
    source: '§3.1',
  },
  {
    groupCode: 'DSG',
    role: 'CONVENOR',
    personKey: 'hsi-tien-chang',
    economyCode: 'CT',
    fromMeetingCode: 'TEL37',
    note: 'Elected at TEL37 with the support of the TEL chair.',
    source: '§3.1; §3.2 decisions (1)',
  },
];
