import type { SeedGroup } from '../types';

export const groups: SeedGroup[] = [
  {
    code: 'SOM',
    name: "Senior Officials' Meeting",
    kind: 'APEC_BODY',
    description: 'The APEC senior officials to whom the working groups report; TEL decisions go on to it for endorsement.',
    source: '§3.6 minutes 3(2), 3(3), 3(4), 3(7), 3(8), 6(1), 7(1) (TEL → SOM approvals)',
  },
  {
    code: 'TEL',
    name: 'Telecommunications and Information Working Group',
    kind: 'WORKING_GROUP',
    parentCode: 'SOM',
    description: 'APEC working group on telecommunications and information; its steering groups report their progress and proposals to its plenary.',
    source: '§3.1 (organisation of APEC TEL)',
  },
  {
    code: 'LSG',
    name: 'Liberalization Steering Group',
    kind: 'STEERING_GROUP',
    parentCode: 'TEL',
    description: 'TEL steering group on liberalising telecommunications markets and regulation; runs the industry and regulatory roundtables.',
    source: '§3.1; annex 3',
  },
  {
    code: 'DSG',
    name: 'ICT Development Steering Group',
    kind: 'STEERING_GROUP',
    parentCode: 'TEL',
    description: 'TEL steering group on developing ICT use and capacity, for example in rural and remote areas.',
    source: '§3.1; annex 3',
  },
  {
    code: 'SPSG',
    name: 'Security and Prosperity Steering Group',
    kind: 'STEERING_GROUP',
    parentCode: 'TEL',
    description:
      'TEL steering group for secure and trusted networks and services, cybercrime prevention, incident handling, misuse of ICT such as spam and malware, emergency response, e-commerce and digital authentication.',
    source: '§3.6 (一) (SPSG scope)',
  },
  {
    code: 'MRATF',
    name: 'MRA Task Force',
    kind: 'TASK_FORCE',
    parentCode: 'LSG',
    description: 'Task force under LSG for the Mutual Recognition Arrangement (MRA) on telecommunications equipment.',
    source: '§3.1; annex 3 (電信設備相互承認協議(MRA)專案小組會議（LSG）)',
  },
  {
    code: 'BMC',
    name: 'Budget and Management Committee',
    kind: 'APEC_BODY',
    parentCode: 'SOM',
    description: 'APEC committee that decides on money matters such as extensions of APEC-funded projects.',
    source: '§3.6 minutes 3(3) (acronym only in the report)',
  },
  {
    code: 'CTTF',
    name: 'Counter-Terrorism Task Force',
    kind: 'TASK_FORCE',
    parentCode: 'SOM',
    description: 'APEC task force on counter-terrorism; endorsed the joint seminar on protecting cyberspace from terrorist use.',
    source: '§3.6 minutes 7(2); annex 4 item 12(a) (acronym only in the report)',
  },
];
