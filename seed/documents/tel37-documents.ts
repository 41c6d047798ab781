import type { SeedDocument } from './types';

/**
 * TEL37 papers. The report names two symbols: 2008-TELWG37-PTAB-WS-016 (the botnet workshop's
 * research report, China) and 2008-TELWG37-SPSG-006 with [Rev.2] (Korea's output reports). The
 * rest is a plausible set for the SPSG agenda, the botnet workshop and the plenary: the papers are
 * the ones the agenda and the minutes say were tabled; their numbers are ours. Bodies are short
 * notes in our own words — sample files, not the papers.
 */

const SPSG_DAY_1 = { groupCode: 'SPSG', startsAt: '2008-03-26T14:00' };
const SPSG_DAY_2 = { groupCode: 'SPSG', startsAt: '2008-03-27T09:00' };
const BOTNET_WORKSHOP = { groupCode: 'SPSG', startsAt: '2008-03-23T09:00' };
const FIRST_PLENARY = { groupCode: 'TEL', startsAt: '2008-03-26T09:00' };
const spsgItem = (number: string) => ({ groupCode: 'SPSG', number });
const plenaryItem = (number: string) => ({ groupCode: 'TEL', number });
const OURS = 'number ours (the report gives no symbol)';

export const tel37Documents: SeedDocument[] = [
  {
    symbol: '2008-TELWG37-SPSG-001',
    title: 'Security and Prosperity Steering Group meeting agenda',
    type: 'AGENDA',
    purpose: 'DECISION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    session: SPSG_DAY_1,
    agendaItem: spsgItem('1'),
    revisions: [
      {
        number: 0,
        files: [
          { name: '2008-TELWG37-SPSG-001.pdf', body: ['The draft agenda for the two SPSG sessions of 26 and 27 March, put to the meeting for adoption under item 1.'] },
          { name: '2008-TELWG37-SPSG-001.txt', body: ['Plain-text copy of the agenda for screen readers and quick searching.'] },
        ],
      },
    ],
    source: `annex 4 (SPSG agenda); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-002',
    title: 'Report of the ICT Products and Services Security Workshop',
    type: 'REPORT',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'JPN' },
    agendaItem: spsgItem('2.a'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'ICT-products-security-workshop-report.pdf',
            body: ['Japan reports on the workshop it ran on 24 March and on the study of ICT product and service security it is preparing for TEL38.'],
          },
        ],
      },
    ],
    source: `annex 4 item 2(a); §3.6 minutes 2(2); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-003',
    title: 'Report of the Handheld Mobile Device Security Workshop',
    type: 'REPORT',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'MAS' },
    agendaItem: spsgItem('2.c'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'mobile-device-security-workshop.html',
            body: ['Malaysia summarizes the workshop of 25 March, held with help from Australia, Korea and Japan, and announces a best-practice study for TEL38.'],
          },
        ],
      },
    ],
    source: `annex 4 item 2(c); §3.6 minutes 2(3); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-004',
    title: 'Progress report: Judge and Prosecutor Cyber Crime Enforcement Capacity Building Project',
    type: 'PROGRESS_REPORT',
    purpose: 'DECISION',
    access: 'RESTRICTED',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'USA' },
    agendaItem: spsgItem('3.c'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'judge-prosecutor-training-progress.pdf',
            body: [
              'The United States reports that the planned training course did not take place and asks SPSG to agree to hold it in May 2009 instead, for approval up the chain to the TEL Chair, SOM and BMC.',
            ],
          },
        ],
      },
    ],
    source: `annex 4 item 3(c); §3.6 minutes 3(3); restricted: a funding and schedule request under consideration; ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-005',
    title: 'Progress report: Strengthening Effective Response Capabilities Among APEC Economies',
    type: 'PROGRESS_REPORT',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'ROK' },
    agendaItem: spsgItem('3.b'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'response-capabilities-final-progress.txt',
            body: ['Korea reports the project complete: all three planned outputs have been delivered, and the two output reports are tabled as 2008-TELWG37-SPSG-006.'],
          },
        ],
      },
    ],
    source: `annex 4 item 3(b); §3.6 minutes 3(2); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-006',
    title: "Output reports of 'Strengthening Effective Response Capabilities Among APEC Economies'",
    type: 'REPORT',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'ROK' },
    agendaItem: spsgItem('3.b'),
    revisions: [
      {
        number: 0,
        note: 'The original, cited in the report as 2008-TELWG37-SPSG-006.doc.',
        files: [
          { name: '2008-TELWG37-SPSG-006.pdf', body: ['First issue of the output reports of the Korean-led project on incident response capabilities across APEC economies.'] },
        ],
      },
      {
        number: 2,
        note: 'Cited in the report as 2008-TELWG37-SPSG-006.doc [Rev.2]; no Rev.1 is known.',
        files: [
          {
            name: '2008-TELWG37-SPSG-006 [Rev.2].pdf',
            body: ['Second revision of the output reports. Economies are invited to review the documents periodically, so later revisions may follow.'],
          },
          { name: '2008-TELWG37-SPSG-006 [Rev.2].txt', body: ['Plain-text copy of Rev.2.'] },
        ],
      },
    ],
    source: 'Domain: documents and their symbols; §3.6 minutes 3(2) (both output reports approved by TEL and SOM)',
  },
  {
    symbol: '2008-TELWG37-SPSG-007',
    title: 'Progress report: Voice over IP (VoIP) Security Guidelines, with a request to extend completion to TEL38',
    type: 'PROGRESS_REPORT',
    purpose: 'DECISION',
    access: 'RESTRICTED',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'AUS' },
    agendaItem: spsgItem('3.d'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'voip-guidelines-progress.pdf',
            body: ['Australia reports the guidelines written and translated, still to be confirmed by SPSG and TEL, and asks to move the completion date to TEL38.'],
          },
        ],
      },
    ],
    source: `annex 4 item 3(d); §3.6 minutes 3(4); restricted: an extension request under consideration; ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-008',
    title: 'Completion report: Information Security Certifications Assessment Guide',
    type: 'REPORT',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'AUS' },
    agendaItem: spsgItem('3.e'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'certifications-assessment-guide-completion.html',
            body: ['Australia reports the objectives met: a guide manual and a web site, which is to move under APEC. Economies are asked for feedback.'],
          },
        ],
      },
    ],
    source: `annex 4 item 3(e); §3.6 minutes 3(5); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-009',
    title: 'Progress report: APEC TEL PKI/e-Authentication Training Program',
    type: 'PROGRESS_REPORT',
    purpose: 'INFORMATION',
    access: 'RESTRICTED',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'CT' },
    agendaItem: spsgItem('3.f'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'pki-eauthentication-progress-report.pdf',
            body: [
              'Chinese Taipei reports on its self-funded, long-term training programme on PKI and e-authentication, co-sponsored by Thailand, Malaysia and Peru and running from November 2006 to October 2009.',
              'The 2007 course in Taipei trained participants from APEC and non-APEC economies; a survey in the spring of 2008 and a second course late in 2008 are planned.',
            ],
          },
          {
            name: 'PKI電子認證訓練計畫進度報告摘要.html',
            language: 'zh-Hant',
            body: [
              '本頁為示範用的中文摘要，由系統種子程式產生，並非原始文件。',
              '中華台北報告其自費辦理之 PKI 與電子認證長期訓練計畫之進度：二〇〇七年於台北完成第一期課程，二〇〇八年將進行問卷調查並辦理第二期課程。',
            ],
          },
        ],
      },
    ],
    source: `annex 2 (progress report form); §3.6 minutes 3(6); restricted: the form carries the overseer's personal contact details; ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-010',
    title: 'Progress report: Guide on Policy and Technical Approaches against Botnet',
    type: 'PROGRESS_REPORT',
    purpose: 'DECISION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'PRC' },
    agendaItem: spsgItem('3.g'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'botnet-guide-progress.pdf',
            body: ['China reports an expert team formed and an outline of the guide circulated, and asks for more time to work the collected material into the guide.'],
          },
        ],
      },
    ],
    source: `annex 4 item 3(g); §3.6 minutes 3(7); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-011',
    title: 'Progress report: Cyber Security Exercises',
    type: 'PROGRESS_REPORT',
    purpose: 'DECISION',
    access: 'RESTRICTED',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'USA' },
    agendaItem: spsgItem('3.h'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'cyber-security-exercises-progress.pdf',
            body: ['The United States and Korea report the first stage of the exercise work done and ask to extend completion to TEL38.'],
          },
        ],
      },
    ],
    source: `annex 4 item 3(h); §3.6 minutes 3(8); restricted: exercise planning; ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-012',
    title: 'APEC TEL–OECD report on malware',
    type: 'REPORT',
    purpose: 'DECISION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { organizationCode: 'OECD' },
    agendaItem: spsgItem('6.a'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'apec-tel-oecd-malware-report.pdf',
            body: [
              'The joint report of APEC TEL and the OECD on malicious software, already adopted on the OECD side, put to SPSG for endorsement and onward submission to TEL and SOM.',
            ],
          },
        ],
      },
    ],
    source: 'annex 4 item 6(a); §3.6 minutes 6(1) (uploaded to the TEL37 site; no symbol given, the number is ours)',
  },
  {
    symbol: '2008-TELWG37-SPSG-013',
    title: 'Project proposal: Cyber Security Awareness Raising Project',
    type: 'PROPOSAL',
    purpose: 'DECISION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'AUS' },
    agendaItem: spsgItem('7.a'),
    session: SPSG_DAY_2,
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'cyber-security-awareness-proposal.pdf',
            body: ['A self-funded proposal by Australia and the United States for economies to share how they raise security awareness, with a one-day workshop at TEL38.'],
          },
        ],
      },
    ],
    source: `annex 4 item 7(a); §3.6 minutes 7(1); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-014',
    title: 'Wireless security and the misuse of network infrastructure',
    type: 'PRESENTATION',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'AUS' },
    agendaItem: spsgItem('8'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'wireless-security.pdf',
            body: ['Slides on the security questions wireless networks still raise for businesses, and on basic incident response inside companies.'],
          },
        ],
      },
    ],
    source: `annex 4 item 8; §3.6 minutes 8; ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-015',
    title: 'Virtual worlds: security implications of an emerging technology',
    type: 'PRESENTATION',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { organizationCode: 'SIFT' },
    agendaItem: spsgItem('9.a'),
    revisions: [
      { number: 0, files: [{ name: 'virtual-worlds.pdf', body: ['Slides on problems that cross between virtual worlds and real life, and why they deserve watching.'] }] },
    ],
    source: `annex 4 item 9(a); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-SPSG-016',
    title: 'Draft SPSG elements for the TELMIN7 Ministerial Direction',
    type: 'INFORMATION_PAPER',
    purpose: 'CONSIDERATION',
    access: 'RESTRICTED',
    language: 'en',
    groupCode: 'SPSG',
    agendaItem: spsgItem('12.b'),
    session: SPSG_DAY_2,
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'telmin7-spsg-elements-draft.txt',
            body: ['Draft suggestions from SPSG for the ministerial text, for the TELMIN7 drafting committee. A draft, for members only.'],
          },
        ],
      },
    ],
    source: `annex 4 item 12(b); §3.6 minutes 12(1); restricted: a draft for the drafting committee; ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-PTAB-WS-001',
    title: 'Workshop on Policy and Technical Approaches against Botnet: programme',
    type: 'AGENDA',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'PRC' },
    session: BOTNET_WORKSHOP,
    revisions: [{ number: 0, files: [{ name: 'botnet-workshop-programme.html', body: ['Programme of the one-day workshop of 23 March run by China.'] }] }],
    source: `annex 3 and §2 (the workshop, 23 March); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-PTAB-WS-009',
    title: 'Botnet response in Chinese Taipei',
    type: 'PRESENTATION',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'CT' },
    session: BOTNET_WORKSHOP,
    revisions: [
      { number: 0, files: [{ name: 'botnet-response-chinese-taipei.pdf', body: ['Slides from a speaker of the Chinese Taipei delegation (ICST) at the botnet workshop.'] }] },
    ],
    source: `annex 1 (ICST spoke at the botnet workshop); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-PTAB-WS-016',
    title: 'Research report of the Workshop on Policy and Technical Approaches against Botnet',
    type: 'REPORT',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'SPSG',
    submittedBy: { economyCode: 'PRC' },
    session: BOTNET_WORKSHOP,
    agendaItem: spsgItem('2.b'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'botnet-workshop-research-report.pdf',
            body: ['China’s research report from the botnet workshop, reported to SPSG under item 2(b) and uploaded to the TEL37 site.'],
          },
          {
            name: '殭屍網路研討會研究報告摘要.txt',
            language: 'zh',
            body: ['本檔案為示範用的中文摘要，由系統種子程式產生，並非原始文件。', '主題：中國主辦之「殭屍網路政策與技術對策」研討會研究報告，於 SPSG 議程第 2(b) 項提出報告。'],
          },
        ],
      },
    ],
    source: 'Domain: documents and their symbols; §3.3; annex 4 item 2(b)',
  },
  {
    symbol: '2008-TELWG37-PLEN-001',
    title: 'TEL37 plenary agenda',
    type: 'AGENDA',
    purpose: 'DECISION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'TEL',
    session: FIRST_PLENARY,
    agendaItem: plenaryItem('3'),
    revisions: [{ number: 0, files: [{ name: '2008-TELWG37-PLEN-001.pdf', body: ['The agenda of the two plenary sessions, for adoption under item 3.'] }] }],
    source: `§3.2 (plenary agenda); ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-PLEN-002',
    title: 'APEC Secretariat report',
    type: 'REPORT',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'TEL',
    submittedBy: { organizationCode: 'APEC-SEC' },
    agendaItem: plenaryItem('4'),
    revisions: [{ number: 0, files: [{ name: 'apec-secretariat-report.pdf', body: ['The Secretariat’s report to the plenary on APEC-wide matters affecting TEL.'] }] }],
    source: `§3.2 item 4; ${OURS}`,
  },
  {
    symbol: '2008-TELWG37-PLEN-003',
    title: 'Economy report: Chinese Taipei',
    type: 'INFORMATION_PAPER',
    purpose: 'INFORMATION',
    access: 'PUBLIC',
    language: 'en',
    groupCode: 'TEL',
    submittedBy: { economyCode: 'CT' },
    agendaItem: plenaryItem('5'),
    revisions: [
      {
        number: 0,
        files: [
          {
            name: 'economy-report-chinese-taipei.txt',
            body: ['Chinese Taipei’s report on developments in its telecommunications regulation and policy, tabled under plenary item 5.'],
          },
        ],
      },
    ],
    source: `§3.2 item 5; ${OURS}`,
  },
];
