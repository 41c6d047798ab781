import type { SeedProject } from './types';

/**
 * The eight projects SPSG reviewed at TEL37 (SPSG agenda item 3 a–h) and the new proposal (7 a).
 * Descriptions are our own short summaries of what the report says. The report gives no project
 * numbers, and for most projects no funding account, type, cost or dates: those stay empty.
 * Document symbols: only 2008-TELWG37-SPSG-006 is cited by the report; the others are the
 * numbers the documents seed gives the papers tabled under these items (its own numbering).
 */

const spsg = (number: string) => ({ meetingCode: 'TEL37', groupCode: 'SPSG', number });
const A4 = (ref: string, minutes: string) => `annex 4 item ${ref}; §3.6 minutes ${minutes}`;
const DOCS_SEED = 'document symbols other than 2008-TELWG37-SPSG-006 are the documents seed’s numbering (the report gives none)';

export const projects: SeedProject[] = [
  {
    key: 'spsg-3a',
    title: 'Building a Culture of Security – Corporate Policy and Management Issues',
    forumCode: 'TEL',
    steeringGroupCode: 'SPSG',
    proposingEconomyCodes: ['NZ'],
    description:
      'A project on building a security culture inside companies through corporate security policy and management. Nothing new was reported at TEL37, and New Zealand was asked to send an update.',
    status: 'IN_PROGRESS',
    agendaItems: [spsg('3.a')],
    source: A4('3(a)', '3(1)'),
  },
  {
    key: 'spsg-3b',
    title: 'Strengthening Effective Response Capabilities Among APEC Economies',
    forumCode: 'TEL',
    steeringGroupCode: 'SPSG',
    proposingEconomyCodes: ['ROK'],
    description:
      'A Korean-led project to strengthen incident response across APEC with three outputs: a reference guide for cross-border response, best practices for public–private cooperation, and CSIRT/CERT training for developing economies (held in 2006). All three were delivered; TEL and SOM had approved the two output reports before TEL37, and Canada asked that they be reviewed from time to time.',
    status: 'COMPLETED',
    agendaItems: [spsg('3.b')],
    documentSymbols: ['2008-TELWG37-SPSG-005', '2008-TELWG37-SPSG-006'],
    source: `${A4('3(b)', '3(2)')}; ${DOCS_SEED}`,
  },
  {
    key: 'spsg-3c',
    title: 'Judge and Prosecutor Cyber Crime Enforcement Capacity Building Project',
    forumCode: 'TEL',
    steeringGroupCode: 'SPSG',
    proposingEconomyCodes: ['USA'],
    endDate: '2008-05',
    description:
      'An APEC-funded, US-led project producing training material on cybercrime enforcement for judges and prosecutors. Its funding had been extended to May 2008; the course planned for Kuala Lumpur (31 March–2 April 2008) did not take place because too few economies responded, and SPSG agreed to move the training to May 2009.',
    status: 'IN_PROGRESS',
    agendaItems: [spsg('3.c')],
    documentSymbols: ['2008-TELWG37-SPSG-004'],
    source: `${A4('3(c)', '3(3)')} (APEC-funded, funding extended to May 2008; the account is not named, so fundingAccount stays empty; endDate is the funding end); ${DOCS_SEED}`,
  },
  {
    key: 'spsg-3d',
    title: 'Voice over IP (VoIP) Security Guidelines',
    forumCode: 'TEL',
    steeringGroupCode: 'SPSG',
    proposingEconomyCodes: ['AUS'],
    description:
      'Australian guidelines on the security of voice over IP. They are written and translated into the languages of APEC members but still await final confirmation by SPSG and TEL; Australia asked to move completion to TEL38.',
    status: 'IN_PROGRESS',
    agendaItems: [spsg('3.d')],
    documentSymbols: ['2008-TELWG37-SPSG-007'],
    source: `${A4('3(d)', '3(4)')}; ${DOCS_SEED}`,
  },
  {
    key: 'spsg-3e',
    title: 'Information Security Certifications Assessment Guide',
    forumCode: 'TEL',
    steeringGroupCode: 'SPSG',
    proposingEconomyCodes: ['AUS'],
    description:
      'An Australian guide to information security certifications: a web site and a manual built on international standards, where employers can look up certifications. The objectives were met; the site is to move under APEC (meanwhile at www.siftsecurity.net).',
    status: 'COMPLETED',
    agendaItems: [spsg('3.e')],
    documentSymbols: ['2008-TELWG37-SPSG-008'],
    source: `${A4('3(e)', '3(5)')} (objectives reported met: treated as completed, as DOMAIN.md says); ${DOCS_SEED}`,
  },
  {
    key: 'spsg-3f',
    title: 'APEC TEL PKI/e-Authentication Training Program',
    forumCode: 'TEL',
    steeringGroupCode: 'SPSG',
    proposingEconomyCodes: ['CT'],
    coSponsoringEconomyCodes: ['THA', 'MAS', 'PE'],
    overseerPersonKey: 'pai-por-wang',
    overseerContact: {
      postalAddress: 'TTF Building, 7F, No. 22, AiGuo East Road, Taipei',
      phone: '+886-2-2392-5090',
      fax: '+886-2-2392-1752',
      email: 'anitakuo@itri.org.tw',
    },
    fundingAccount: 'SELF_FUNDED',
    totalCost: { amount: '400000.00', qualifier: 'AT_LEAST' },
    apecFundingSought: { amount: '0.00', qualifier: 'EXACT' },
    projectType: 'OTHER',
    projectTypeOther: 'long-term training program',
    startDate: '2006-11',
    endDate: '2009-10',
    description:
      'Chinese Taipei runs an APEC TEL training centre for PKI and e-authentication in Taipei, opened in 2006, with at least one course a year for trainees from APEC and other economies, and a yearly survey of how PKI and e-authentication are advancing in APEC economies. Proposed by its Ministry of Economic Affairs at TEL34 (Auckland) and approved in October 2006.',
    status: 'IN_PROGRESS',
    agendaItems: [spsg('3.f')],
    documentSymbols: ['2008-TELWG37-SPSG-009'],
    source:
      `annex 2 (progress report of 18 March 2008: header, financial information, type, dates); ${A4('3(f)', '3(6)')}; summary and §4.1 (proposed at TEL34 in Auckland, approved October 2006). ` +
      `The title is the form's, with its misspelling "E-AUTHENTICAITON" corrected; the SPSG agenda calls it "International PKI and e-Authentication Training Program". ${DOCS_SEED}`,
  },
  {
    key: 'spsg-3g',
    title: 'Guide on Policy and Technical Approaches against Botnet',
    forumCode: 'TEL',
    steeringGroupCode: 'SPSG',
    proposingEconomyCodes: ['PRC'],
    description:
      'A Chinese-led guide to policy and technical responses to botnets. An expert team has been formed and a draft outline circulated (also on the APEC web site); China asked for more time to work the collected material into the guide.',
    status: 'IN_PROGRESS',
    agendaItems: [spsg('3.g')],
    documentSymbols: ['2008-TELWG37-SPSG-010'],
    source: `${A4('3(g)', '3(7)')}; ${DOCS_SEED}`,
  },
  {
    key: 'spsg-3h',
    title: 'Cyber Security Exercises',
    forumCode: 'TEL',
    steeringGroupCode: 'SPSG',
    proposingEconomyCodes: ['USA', 'ROK'],
    description: 'Cyber security exercises led by the United States with Korea. The first stage is done; the expert team continues after TEL37 and completion is to move to TEL38.',
    status: 'IN_PROGRESS',
    agendaItems: [spsg('3.h')],
    documentSymbols: ['2008-TELWG37-SPSG-011'],
    source: `${A4('3(h)', '3(8)')} (the annex names USA/Korea, the minutes only the US); ${DOCS_SEED}`,
  },
  {
    key: 'spsg-7a',
    title: 'Cyber Security Awareness Raising Project',
    forumCode: 'TEL',
    steeringGroupCode: 'SPSG',
    proposingEconomyCodes: ['AUS', 'USA'],
    coSponsoringEconomyCodes: ['ROK', 'CDA', 'MAS'],
    fundingAccount: 'SELF_FUNDED',
    description:
      'A self-funded project, prompted by concern about security awareness voiced at an industry roundtable in Chile: economies share their practice in raising awareness among infrastructure operators, businesses and the public, with a one-day workshop at TEL38 and a working group to support it.',
    status: 'PROPOSED',
    agendaItems: [spsg('7.a'), { meetingCode: 'TEL37', groupCode: 'TEL', number: '8' }],
    documentSymbols: ['2008-TELWG37-SPSG-013'],
    source: `${A4('7(a)', '7(1)')}; §4 (二). The overview (§3.1) names Canada as a third proposer and §4 names Australia alone; we follow the minutes (Australia and USA, with Korea, Canada and Malaysia co-sponsoring). ${DOCS_SEED}`,
  },
];
