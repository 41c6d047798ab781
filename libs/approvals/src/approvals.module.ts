import { DocumentsModule } from '@tel/documents';
import { Module } from '@nestjs/common';
import { MeetingsModule } from '@tel/meetings';
import { ProjectsModule } from '@tel/projects';
import { ApprovalBoardService } from './board/approval-board.service';
import { ApprovalDecisionResolver, ApprovalRequestResolver, ApprovalStepResolver, ProjectApprovalsResolver } from './requests/approvals.resolver';
import { ApprovalsLoaders } from './requests/approvals.loaders';
import { ApprovalsService } from './requests/approvals.service';

/** Approval requests, their chains (steering group → TEL → SOM → BMC) and the Secretariat's board. */
@Module({
  imports: [MeetingsModule, DocumentsModule, ProjectsModule],
  providers: [ApprovalsLoaders, ApprovalsService, ApprovalBoardService, ApprovalRequestResolver, ApprovalStepResolver, ApprovalDecisionResolver, ProjectApprovalsResolver],
  exports: [ApprovalsService, ApprovalBoardService],
})
export class ApprovalsModule {}
