import type { SeedAgenda, SeedAgendaItem } from '../types';

/**
 * The two TEL37 agendas. Titles follow the agendas as the report gives them (the plenary agenda
 * in Chinese in §3.2, rendered in English; the SPSG agenda in English in annex 4). Outcomes are
 * our own short summaries of what the report records — never the report's sentences.
 */

const FIRST_PLENARY = '2008-03-26T09:00';
const SECOND_PLENARY = '2008-03-28T09:00';
const SPSG_DAY_1 = '2008-03-26T14:00';
const SPSG_DAY_2 = '2008-03-27T09:00';

const plenary = (label: string, title: string, extra: Partial<SeedAgendaItem> = {}): SeedAgendaItem => ({
  label,
  title,
  ...extra,
  source: `§3.2 agenda (${label})${extra.source ? `; ${extra.source}` : ''}`,
});

export const plenaryAgenda: SeedAgenda = {
  meetingCode: 'TEL37',
  groupCode: 'TEL',
  title: 'TEL37 plenary agenda',
  adopted: true,
  source: '§3.2 (1、議程)',
  items: [
    plenary('1', 'Opening', { sessionStartsAt: FIRST_PLENARY }),
    plenary('2', 'Opening remarks', { sessionStartsAt: FIRST_PLENARY }),
    plenary('3', 'Review and adoption of the agenda', { sessionStartsAt: FIRST_PLENARY }),
    plenary('4', 'APEC Secretariat report', { presenters: [{ organizationCode: 'APEC-SEC' }] }),
    plenary('5', 'Economy reports on regulatory policy and development'),
    plenary('6', 'Voluntary reports of observers and guests'),
    plenary('7', 'Steering group reports', {
      outcome:
        'Each steering group convenor reported the group’s progress, results and new proposals; once the plenary accepted them, the results were to go to TELMIN7 in Thailand in April 2008.',
      source: '§3.1',
    }),
    plenary('8', 'Discussion and approval of new project proposals, priorities', {
      outcome:
        'The report’s overview names the Cyber Security Awareness Raising Project (Australia, USA, Canada) as the new proposal approved at TEL37, without saying whether the plenary itself or only SPSG approved it.',
      source: '§3.1; §4 (二)',
    }),
    plenary('9', 'Future meetings: TEL38, TELMIN7, TEL39', {
      outcome:
        'Hosts set for coming meetings: Peru for TEL38, Singapore for TEL39, Malaysia for TEL41; TEL40 still open. The plenary also went through the agenda of the 2nd senior officials’ meeting, the TELMIN7 agenda and the draft Bangkok Declaration.',
      source: '§3.2 decisions (2), (3)',
    }),
    plenary('10', 'Election of steering group convenors and vice-convenors', {
      outcome:
        'All convenor and vice-convenor posts were filled afresh. Dr. Hsi-Tien Chang (Chinese Taipei, NCHC) became DSG convenor. In SPSG, Shamsul Jafni Shafie (Malaysia) stood down; Jinhyun Cho (Korea) moved up to convenor, with Jordana L. Siegel (USA) and an Australian representative as vice-convenors.',
      source: '§3.1; §3.2 decisions (1)',
    }),
    plenary('11', 'Other business'),
    plenary('12', 'Closing', { sessionStartsAt: SECOND_PLENARY }),
  ],
};

const A4 = (ref: string, minutes?: string): string => `annex 4 item ${ref}${minutes ? `; §3.6 minutes ${minutes}` : ''}`;

export const spsgAgenda: SeedAgenda = {
  meetingCode: 'TEL37',
  groupCode: 'SPSG',
  title: 'Security & Prosperity Steering Group (SPSG) agenda, TEL37',
  adopted: true,
  source: 'annex 4; §3.6 minutes',
  items: [
    {
      label: '1',
      title: 'Welcome and introduction — review and adoption of agenda',
      sessionStartsAt: SPSG_DAY_1,
      outcome: 'The chair welcomed the members to the SPSG meeting and asked them to confirm the agenda.',
      source: A4('1', '1'),
    },
    {
      label: '2',
      title: 'Report of workshops',
      outcome: 'SPSG ran three workshops at TEL37 (botnets, ICT product and service security, handheld mobile device security).',
      source: A4('2', '2'),
      children: [
        {
          label: 'a',
          title: 'ICT Products and Services Security Workshop',
          presenters: [{ economyCode: 'JPN' }],
          outcome: 'Workshop held on 24 March. Japan is writing a study of the security of ICT products and services, due at TEL38.',
          source: A4('2(a)', '2(2)'),
        },
        {
          label: 'b',
          title: 'Workshop on Policy and Technical Approaches against Botnet',
          presenters: [{ economyCode: 'PRC' }],
          outcome:
            'Workshop held on 23 March; its research report is document 2008-TELWG37-PTAB-WS-016. The chair noted that China, APEC TEL and OECD work together against malware and looked forward to follow-up projects once China finishes its guide.',
          source: A4('2(b)', '2(1)') + '; §3.3',
        },
        {
          label: 'c',
          title: 'Handheld Mobile Device Security Workshop',
          presenters: [{ economyCode: 'MAS' }],
          outcome: 'Workshop held on 25 March, led by Malaysia with help from Australia, Korea and Japan; a best-practice study will be presented at TEL38.',
          source: A4('2(c)', '2(3)'),
        },
      ],
    },
    {
      label: '3',
      title: 'Project updates and report',
      outcome:
        'Also taken under this item: Peru outlined a draft programme for a workshop on telecommunications for disaster management and best practices. The chair said non-APEC speakers would need TEL and SOM consent and invited would-be speakers to contact Peru.',
      source: A4('3', '3(9)'),
      children: [
        {
          label: 'a',
          title: 'Building a Culture of Security – Corporate Policy and Management Issues',
          presenters: [{ economyCode: 'NZ' }],
          outcome: 'Nothing new was reported; New Zealand, which runs the project, was asked for an update.',
          source: A4('3(a)', '3(1)'),
        },
        {
          label: 'b',
          title: 'Strengthening Effective Response Capabilities Among APEC economies',
          presenters: [{ economyCode: 'ROK' }],
          outcome:
            'Korea reported all three outputs delivered: a cross-border reference guide, public–private cooperation best practices, and CSIRT/CERT training for developing economies (held in 2006). At Canada’s suggestion the documents are to be reviewed and updated regularly. The chair noted that TEL and SOM had already approved the two output reports (2008-TELWG37-SPSG-006.doc [Rev.2] and 2008-TELWG37-SPSG-006.doc) and congratulated Korea on completing the project.',
          source: A4('3(b)', '3(2)'),
        },
        {
          label: 'c',
          title: 'Judge and Prosecutor Cyber Crime Enforcement Capacity Building Project',
          presenters: [{ economyCode: 'USA' }],
          outcome:
            'APEC-funded project whose funding had been extended to May 2008; the course planned for Kuala Lumpur, 31 March–2 April 2008, was not held because economies showed too little interest. The Secretariat said the project overseer must file a formal extension request. Australia asked to see the syllabus, and the chair ruled that it be circulated before the course. SPSG agreed to postpone the training to May 2009, subject to approval by the TEL Chair, SOM and BMC.',
          source: A4('3(c)', '3(3)'),
        },
        {
          label: 'd',
          title: 'Voice over IP (VoIP) Security Guidelines',
          presenters: [{ economyCode: 'AUS' }],
          outcome:
            'The guidelines exist and have been translated into APEC members’ languages but have not yet gone to SPSG and TEL for final confirmation. Australia asked to move the completion date to TEL38; SPSG agreed and will pass the extension to TEL and SOM for endorsement.',
          source: A4('3(d)', '3(4)'),
        },
        {
          label: 'e',
          title: 'Information Security Certifications Assessment Guide',
          presenters: [{ economyCode: 'AUS' }],
          outcome:
            'Australia reported the objectives met: a web site and guide manual based on international standards. The site will move under APEC; until then the manual is at www.siftsecurity.net. Economies were invited to use it and send feedback.',
          source: A4('3(e)', '3(5)'),
        },
        {
          label: 'f',
          title: 'International PKI and e-Authentication Training Program',
          presenters: [{ economyCode: 'CT' }, { personKey: 'horng-chang-tsai' }],
          outcome:
            'Chinese Taipei reported the first course (Taipei, 28 Sep–4 Oct 2007: 24 trainees from 18 economies, 10 of them APEC members), the 2008 survey (sent out 1 April, replies by 12 May, results at TEL38) and the 2008 course (enrolment from August, about 20 trainees, held in October). Canada congratulated Chinese Taipei; the chair welcomed the training and urged economies to nominate participants.',
          source: A4('3(f)', '3(6)') + '; §3.1; annex 2',
        },
        {
          label: 'g',
          title: 'Guide on Policy and Technical Approaches against Botnet',
          presenters: [{ economyCode: 'PRC' }],
          outcome:
            'An expert team has been formed and a draft outline of the guide circulated (also on the APEC web site). China asked for an extension to work the collected material into the guide; SPSG agreed, to be submitted to TEL and SOM.',
          source: A4('3(g)', '3(7)'),
        },
        {
          label: 'h',
          title: 'Cyber Security Exercises',
          presenters: [{ economyCode: 'USA' }, { economyCode: 'ROK' }],
          outcome:
            'The US reported the first stage done and asked to move completion to TEL38, with the expert team working after TEL37. SPSG agreed, to be submitted to TEL and SOM.',
          source: A4('3(h)', '3(8)'),
        },
      ],
    },
    {
      label: '4',
      title: 'Other updates on SPSG activity',
      source: A4('4', '4'),
      children: [
        {
          label: 'a',
          title: 'The StopSpamAlliance',
          outcome:
            'The alliance joins ITU, OECD, APEC and other anti-spam bodies to share ways of fighting spam. It has set up an anti-spam forum and asked the SPSG chair to moderate it.',
          source: A4('4(a)', '4(1)'),
        },
        {
          label: 'b',
          title: '2nd Internet Governance Forum, Rio de Janeiro, Brazil',
          outcome: 'The SPSG chair took part in three of its security sessions: on the StopSpamAlliance, on ITU’s global cybersecurity work, and on OECD’s malware work.',
          source: A4('4(b)', '4(2)'),
        },
        {
          label: 'c',
          title: 'ITU’s High Level Expert Group (HLEG) to develop the Global Cybersecurity Agenda',
          outcome:
            'A preparatory meeting in Geneva on 7–8 January 2008 set a timetable for strategy reports on five areas (legal, technical and procedural, organisational structures, capacity building, international cooperation): first drafts by 1 April, comments from 1 May (to gca@itu.int), final texts between 1 and 20 May, and presentation at the second HLEG meeting on 21 May 2008; a second preparatory meeting was planned for 28–29 April. Following a TEL36 decision, APEC TEL covers the technical and procedural, capacity-building and international-cooperation parts.',
          source: A4('4(c)', '4(3)'),
        },
      ],
    },
    {
      label: '5',
      title: 'SPSG report on outreach activities',
      source: A4('5', '5'),
      children: [
        {
          label: 'a',
          title: 'Report on the 24th WPISP-OECD meeting, Paris, France, March 3 & 4, 2008',
          outcome: 'SPSG was invited; its chair presented SPSG’s work, and the joint APEC TEL–OECD malware project was presented there and approved.',
          source: A4('5(a)', '5(1)'),
        },
        {
          label: 'b',
          title: 'Report on APCERT Conference, Hong Kong, March 12, 2008',
          outcome: 'The SPSG chair was invited and spoke on international cooperation.',
          source: A4('5(b)', '5(1)'),
        },
      ],
    },
    {
      label: '6',
      title: 'Discussion on collaboration with the WPISP-OECD',
      source: A4('6', '6'),
      children: [
        {
          label: 'a',
          title: 'APEC TEL – OECD on Malware',
          outcome:
            'The joint report, worked on since TEL32, is finished and posted on the TEL37 site; OECD adopted it at its 3–6 March meeting and its WPISP members ranked this joint work their top priority. SPSG endorsed the report, to be submitted to TEL and SOM for approval; an APEC TEL–OECD expert group will follow.',
          source: A4('6(a)', '6(1)'),
        },
        {
          label: 'b',
          title: 'APEC TEL – OECD on Indicators for Security and Trust',
          outcome:
            'A working group has been formed to collect up to ten public-sector security and trust issues before TEL38. The minutes call this work a security and trust guidebook (安全與信任指引手冊).',
          source: A4('6(b)', '6(2)'),
        },
      ],
    },
    {
      label: '7',
      title: 'New project proposals for TEL 37',
      source: A4('7', '7'),
      children: [
        {
          label: 'a',
          title: 'Cyber Security Awareness Raising Project',
          presenters: [{ economyCode: 'AUS' }, { economyCode: 'USA' }],
          outcome:
            'Self-funded proposal prompted by concerns raised at an industry roundtable in Chile: economies share practice on raising security awareness, with a one-day workshop at TEL38 and a supporting working group. Korea, Canada and Malaysia agreed to co-sponsor; China offered its experience but asked that language barriers be kept in mind. SPSG approved it, to be submitted to TEL and SOM. (§3.1 names Canada as a co-proposer too.)',
          source: A4('7(a)', '7(1)') + '; §3.1',
        },
      ],
    },
    {
      label: '8',
      title: 'Malicious activities and misuse of the network infrastructure',
      presenters: [{ personKey: 'kelly-mudford' }],
      outcome:
        'Australia (Kelly Mudford) presented a report on wireless security: wireless is widely used in business but still has open security problems; the report covered strategies for using it and basic incident-response needs inside companies.',
      source: A4('8', '8'),
    },
    {
      label: '9',
      title: 'Examination of the security implications of emerging technologies',
      source: A4('9', '9'),
      children: [
        {
          label: 'a',
          title: 'Virtual World',
          presenters: [{ personKey: 'nick-elsmore' }],
          outcome:
            'Problems crossing between virtual and real life are emerging; they are not yet a threat on the scale of malware but deserve watching. The chair noted the privacy and social questions involved and wants the topic back on the agenda soon.',
          source: A4('9(a)', '9'),
        },
      ],
    },
    {
      label: '10',
      title: 'Examination of issues concerning submarine cables',
      outcome:
        'Building on the ICT-for-disaster-management workshop project SPSG approved at TEL36, Australia proposed that economies examine how to respond when undersea cables are damaged by natural disasters or human error. China and the US supported it and pointed to precedents such as the Mediterranean cable cuts; Chinese Taipei described its 2006 earthquake cable breaks. The chair will put the topic on the next agenda.',
      source: A4('10', '10'),
      children: [
        {
          label: 'a',
          title: 'Australia',
          presenters: [{ economyCode: 'AUS' }, { personKey: 'chris-cheah' }],
          outcome: 'Australia (Chris Cheah) presented its submarine cable report.',
          source: A4('10(a)', '10'),
        },
        {
          label: 'b',
          title: 'Malaysia',
          presenters: [{ economyCode: 'MAS' }],
          outcome: 'The minutes record no Malaysian presentation under this item.',
          source: A4('10(b)', '10'),
        },
      ],
    },
    {
      label: '11',
      title: 'Economy reports',
      outcome:
        'The chair asked economies to update their 2008 reports on the APEC TEL web site. OECD also gave an update: its WPISP 2008 work plan (malware; security and privacy of sensor environments; global information sharing with APEC ECSG, the EU and North American data-protection bodies; cross-border cooperation on policy, consumer protection and spam) and the “Future of the Internet Economy” ministerial event in Seoul.',
      source: A4('11', '11'),
      children: [
        {
          label: 'a',
          title: 'VoIP Security Policy Drive',
          presenters: [{ economyCode: 'ROK' }],
          outcome:
            'Korea covered the growth of its VoIP market, the threats, and its policy measures (security guidelines, user awareness campaigns), and offered the APEC VoIP security guidelines for home users and SMEs.',
          source: A4('11(a)', '11(1)'),
        },
        {
          label: 'b',
          title: 'Wireless Security',
          presenters: [{ economyCode: 'AUS' }],
          outcome: 'The minutes record Australia’s wireless-security report under item 8 instead.',
          source: A4('11(b)', '8'),
        },
      ],
    },
    {
      label: '12',
      title: 'Matters arising',
      source: A4('12', '12'),
      children: [
        {
          label: 'a',
          title: 'APEC Seminar on Protection of Cyberspace from Terrorist Use and Attack - Proposed Joint Seminar by APEC TEL and CTTF, Jeju Island, Korea, June 2008',
          presenters: [{ economyCode: 'ROK' }],
          outcome:
            'Korea’s self-funded seminar, endorsed by CTTF, on sharing policies against terrorist use of cyberspace; CTTF proposed running it jointly with TEL. SPSG agreed and will help plan the programme. The minutes (taken under item 7) place it in Seoul (漢城) on 26–27 June 2008, the annex on Jeju Island.',
          source: A4('12(a)', '7(2)'),
        },
        {
          label: 'b',
          title: 'TELMIN 7 – Discussion on SPSG elements to the Ministerial Direction',
          outcome: 'SPSG’s suggestions went to the TELMIN7 Drafting Committee; the material is on the TEL37 web site.',
          source: A4('12(b)', '12(1)'),
        },
      ],
    },
    {
      label: '13',
      title: 'Meeting wrap-up — other business',
      sessionStartsAt: SPSG_DAY_2,
      outcome:
        'The chair asked SPSG to keep working on cybersecurity while giving disaster management growing weight, and encouraged cooperation on disaster management and submarine cables. The next SPSG meeting is at TEL38 in Lima; TEL37 papers are at www.apectel37.jp.',
      source: A4('13', '13'),
    },
  ],
};

export const agendas: SeedAgenda[] = [plenaryAgenda, spsgAgenda];
