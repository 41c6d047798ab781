import type { SeedApprovalRequest, SeedDecision } from './types';

/**
 * The requests the TEL37 report leaves open, and Korea's output reports already approved
 * ("State after TEL37" in DOMAIN.md). SPSG decided each at TEL37; the minutes do not say in which
 * of its two sessions (26 March afternoon, 27 March morning), so its decisions carry 2008-03-27,
 * the second session, and the requests are taken as filed that day.
 */

const SPSG_DAY = '2008-03-27';
const SESSION_NOTE = 'date: SPSG met on 26 and 27 March and the minutes do not say in which session; taken as 27 March';
const spsgApproved = (note: string, minutes: string): SeedDecision => ({
  outcome: 'APPROVED',
  decidedOn: SPSG_DAY,
  meetingCode: 'TEL37',
  note,
  source: `§3.6 minutes ${minutes}; ${SESSION_NOTE}`,
});
const pending = (groupCode: string, mode: 'IN_PLENARY' | 'BY_CHAIR' = 'IN_PLENARY') => ({ groupCode, mode });

export const approvalRequests: SeedApprovalRequest[] = [
  {
    key: 'tel37-3c-postpone-training',
    kind: 'EXTENSION',
    projectKey: 'spsg-3c',
    subject: 'Postpone the judges’ and prosecutors’ cybercrime training to May 2009',
    reason:
      'The course planned for Kuala Lumpur on 31 March–2 April 2008 was not held because too few economies responded; the Secretariat asked the overseeing economy to file a formal extension request. The project is APEC-funded, so the TEL Chair, SOM and BMC must agree.',
    requestedEndDate: '2009-05',
    filedOn: SPSG_DAY,
    steps: [
      { groupCode: 'SPSG', mode: 'IN_PLENARY', decision: spsgApproved('SPSG agreed to postpone the training to May 2009.', '3(3)') },
      pending('TEL', 'BY_CHAIR'),
      pending('SOM'),
      pending('BMC'),
    ],
    source: 'annex 4 item 3(c); §3.6 minutes 3(3) (to be submitted to the TEL Chair, SOM and BMC)',
  },
  {
    key: 'tel37-3d-voip-extension',
    kind: 'EXTENSION',
    projectKey: 'spsg-3d',
    subject: 'Extend completion of the VoIP Security Guidelines to TEL38',
    reason: 'The translated guidelines still have to go to SPSG and TEL for final confirmation.',
    requestedCompletionMeetingCode: 'TEL38',
    filedOn: SPSG_DAY,
    steps: [
      { groupCode: 'SPSG', mode: 'IN_PLENARY', decision: spsgApproved('SPSG agreed to the extension, to be reported to TEL and SOM for endorsement.', '3(4)') },
      pending('TEL'),
      pending('SOM'),
    ],
    source: 'annex 4 item 3(d); §3.6 minutes 3(4)',
  },
  {
    key: 'tel37-3g-botnet-extension',
    kind: 'EXTENSION',
    projectKey: 'spsg-3g',
    subject: 'Extend the Guide on Policy and Technical Approaches against Botnet',
    reason: 'China needs more time to work the material collected into the guide. The report gives no new date.',
    filedOn: SPSG_DAY,
    steps: [
      { groupCode: 'SPSG', mode: 'IN_PLENARY', decision: spsgApproved('SPSG agreed to the extension, to be submitted to TEL and SOM.', '3(7)') },
      pending('TEL'),
      pending('SOM'),
    ],
    source: 'annex 4 item 3(g); §3.6 minutes 3(7) (no new date given)',
  },
  {
    key: 'tel37-3h-exercises-extension',
    kind: 'EXTENSION',
    projectKey: 'spsg-3h',
    subject: 'Extend completion of the Cyber Security Exercises to TEL38',
    reason: 'The first stage is done; the expert team works on after TEL37.',
    requestedCompletionMeetingCode: 'TEL38',
    filedOn: SPSG_DAY,
    steps: [
      { groupCode: 'SPSG', mode: 'IN_PLENARY', decision: spsgApproved('SPSG agreed to the extension, to be submitted to TEL and SOM.', '3(8)') },
      pending('TEL'),
      pending('SOM'),
    ],
    source: 'annex 4 item 3(h); §3.6 minutes 3(8)',
  },
  {
    key: 'tel37-6a-malware-report',
    kind: 'REPORT_ENDORSEMENT',
    documentSymbol: '2008-TELWG37-SPSG-012',
    subject: 'Endorse the joint APEC TEL–OECD report on malware',
    reason: 'The joint report, worked on since TEL32, is finished; OECD adopted it at its meeting of 3–6 March 2008. An APEC TEL–OECD expert group is to follow.',
    filedOn: SPSG_DAY,
    steps: [
      { groupCode: 'SPSG', mode: 'IN_PLENARY', decision: spsgApproved('SPSG agreed to the report, to be submitted to TEL and SOM for approval.', '6(1)') },
      pending('TEL'),
      pending('SOM'),
    ],
    source:
      'annex 4 item 6(a); §3.6 minutes 6(1). No project; the report gives no symbol (it was posted on the TEL37 site): 2008-TELWG37-SPSG-012 is the documents seed’s numbering.',
  },
  {
    key: 'tel37-7a-awareness-project',
    kind: 'NEW_PROJECT',
    projectKey: 'spsg-7a',
    subject: 'Approve the Cyber Security Awareness Raising Project (self-funded)',
    reason: 'New self-funded proposal by Australia and the United States, co-sponsored by Korea, Canada and Malaysia, with a one-day workshop at TEL38.',
    filedOn: SPSG_DAY,
    steps: [
      { groupCode: 'SPSG', mode: 'IN_PLENARY', decision: spsgApproved('SPSG approved the proposal, to be submitted to TEL and SOM.', '7(1)') },
      pending('TEL'),
      pending('SOM'),
    ],
    source:
      'annex 4 item 7(a); §3.6 minutes 7(1). The overview (§3.1, §4 (二)) says the meeting passed the proposal without saying the plenary did; the minutes send it on to TEL and SOM, so TEL stays pending.',
  },
  {
    key: 'tel37-3b-output-reports',
    kind: 'REPORT_ENDORSEMENT',
    projectKey: 'spsg-3b',
    documentSymbol: '2008-TELWG37-SPSG-006',
    subject: 'Approve the two output reports of Strengthening Effective Response Capabilities Among APEC Economies',
    steps: [
      {
        groupCode: 'TEL',
        mode: 'IN_PLENARY',
        decision: { outcome: 'APPROVED', note: 'Approved before TEL37; the report names neither the meeting nor the date.', source: '§3.6 minutes 3(2)' },
      },
      {
        groupCode: 'SOM',
        mode: 'IN_PLENARY',
        decision: { outcome: 'APPROVED', note: 'Approved before TEL37; the report names neither the meeting nor the date.', source: '§3.6 minutes 3(2)' },
      },
    ],
    source:
      'annex 4 item 3(b); §3.6 minutes 3(2): the chair reported that TEL and SOM had approved 2008-TELWG37-SPSG-006.doc [Rev.2] and 2008-TELWG37-SPSG-006.doc (one document, two revisions)',
  },
];
