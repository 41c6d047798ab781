import type { SeedProgressReport } from './types';

/**
 * The one progress report the TEL37 report reproduces: Chinese Taipei's for the PKI/e-Authentication
 * Training Program, signed 18 March 2008 and tabled at TEL37 (annex 2, "Progress Report on APEC
 * Projects", Annex G2). Header fields are as the form states them; the free-text answers are our
 * own summaries of the form's answers, not its sentences.
 */
export const progressReports: SeedProgressReport[] = [
  {
    projectKey: 'spsg-3f',
    meetingCode: 'TEL37',
    status: 'SUBMITTED',
    // No account box is ticked on the form (the cost line says self-funded): left empty.
    committeeName: 'Security and Prosperity Steering Group',
    // As written on the form, misspelling included.
    projectTitle: 'APEC TEL PKI/E-AUTHENTICAITON Training Program',
    proposingEconomyCodes: ['CT'],
    coSponsoringEconomyCodes: ['THA', 'MAS', 'PE'],
    overseerName: 'Pai-Por Wang',
    overseerTitle: 'Chairman',
    overseerOrganization: 'Chinese Taipei PKI Forum',
    overseerSex: 'MALE',
    overseerContact: {
      postalAddress: 'TTF Building, 7F, No. 22, AiGuo East Road, Taipei',
      phone: '+886-2-2392-5090',
      fax: '+886-2-2392-1752',
      email: 'anitakuo@itri.org.tw',
    },
    totalCost: { amount: '400000.00', qualifier: 'AT_LEAST' },
    apecFundingSought: { amount: '0.00', qualifier: 'EXACT' },
    projectType: 'OTHER',
    projectTypeOther: 'long-term training program',
    startDate: '2006-11',
    endDate: '2009-10',
    description:
      'Two strands: a PKI/e-authentication training centre opened in Taipei in 2006 so that economies can share experience, and a yearly survey of PKI/e-authentication progress in APEC economies. The centre looks for practical ways to run the programme and builds know-how through training and promotion, for the sake of secure e-commerce.',
    onSchedule: 'UNKNOWN',
    withinBudget: 'NOT_APPLICABLE',
    objectivesResults:
      'The centre opened in 2006. The 2007 course ran in Taipei from 28 September to 4 October 2007 for 24 trainees from 18 economies: 10 APEC members (Chile, Indonesia, Malaysia, Mexico, Peru, the Philippines, Russia, Singapore, Thailand, Viet Nam) and 8 others (Argentina, Bahrain, Guatemala, India, Jordan, Panama, Poland, Slovakia). Trainees most wanted international cooperation on PKI; the 2007 survey found economies expect PKI investment to keep growing. ' +
      'The 2008 survey covers PKI applications, certificate authorities and views on cooperation; it goes out through the heads of delegation from 1 April, replies close on 12 May, and its evaluation report is due at TEL38. Enrolment for the 2008 course opens in August; about 20 trainees will be chosen, and each receives a certificate from the TEL Chair.',
    linkagesMethodologyBudget:
      'The 2008 course is planned for about 20 trainees. To stretch the budget, places go first to APEC members; any left are offered to other economies still building up PKI/e-authentication.',
    genderImpactOnWomen: 'N.A.',
    genderWomenConsulted: 'N.A.',
    genderSexDisaggregatedData: 'N.A.',
    progressSinceLastReport:
      'Since the last report: the 2007 course was held in Taipei (28 September–4 October 2007); the 2007 evaluation report and summary were completed by TEL36; the 2008 survey is posted on the TEL37 web site; the 2008 course is being planned for late October.',
    overseerSignatureDate: '2008-03-18',
    tabledAtMeetingCode: 'TEL37',
    documentSymbol: '2008-TELWG37-SPSG-009',
    source:
      'annex 2 (Progress Report on APEC Projects, Annex G2, dated 18 March 2008). "On schedule": the tick did not survive the text extraction (UNKNOWN). Within budget: N.A. Gender questions: N.A. ' +
      'Sex: the form gives "Mr." (the M/F mark itself is not legible). Signature name: none in the extracted text. Date received by Secretariat: blank. ' +
      'Tabled at TEL37 (§3.6 minutes 3(6)); its symbol is the documents seed’s numbering (the report gives none). The form dates the 2008 course "in October" in one answer and "late October to early November" in another.',
  },
];
