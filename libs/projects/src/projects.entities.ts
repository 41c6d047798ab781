import { HistoryEvent } from './history/history-event.entity';
import { Project } from './projects/project.entity';
import { ProjectAgendaItem } from './projects/project-agenda-item.entity';
import { ProjectDocument } from './projects/project-document.entity';
import { ProjectEconomy } from './projects/project-economy.entity';
import { ProjectOverseerAccount } from './projects/project-overseer-account.entity';
import { ProgressReport } from './reports/progress-report.entity';

export const PROJECTS_ENTITIES = [Project, ProjectEconomy, ProjectOverseerAccount, ProjectDocument, ProjectAgendaItem, ProgressReport, HistoryEvent];
