import { Module } from '@nestjs/common';
import { AuthModule } from '@tel/auth';
import { DocumentsModule } from '@tel/documents';
import { MeetingsModule } from '@tel/meetings';
import { ProjectAccess } from './access/project-access';
import { HistoryEventResolver } from './history/history.resolver';
import { HistoryService } from './history/history.service';
import { ProjectDocumentResolver, ProjectResolver } from './projects/projects.resolver';
import { ProjectsService } from './projects/projects.service';
import { ProgressReportResolver } from './reports/progress-reports.resolver';
import { ProgressReportsService } from './reports/progress-reports.service';
import { ReportDeadlinesResolver } from './reports/report-reminders.resolver';
import { ReportReminders } from './reports/report-reminders.service';
import { ProjectsLoaders } from './shared/projects.loaders';

/** The project register, progress reports and the domain history they share with approvals. */
@Module({
  imports: [MeetingsModule, DocumentsModule, AuthModule],
  providers: [
    ProjectsLoaders,
    ProjectAccess,
    HistoryService,
    ProjectsService,
    ProgressReportsService,
    ProjectResolver,
    ProjectDocumentResolver,
    ProgressReportResolver,
    HistoryEventResolver,
    ReportReminders,
    ReportDeadlinesResolver,
  ],
  exports: [ProjectsLoaders, ProjectAccess, HistoryService, ProjectsService, ProgressReportsService, ReportReminders],
})
export class ProjectsModule {}
