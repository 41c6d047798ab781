import type { SeedProjectsDataSet } from './types';
import { approvalRequests } from './approval-requests';
import { progressReports } from './progress-reports';
import { projects } from './projects';

export { loadProjectsSeed } from './loader';

/** Projects, the PKI progress report and the approval requests as the TEL37 report leaves them. */
export const tel37Projects: SeedProjectsDataSet = { projects, progressReports, approvalRequests };
