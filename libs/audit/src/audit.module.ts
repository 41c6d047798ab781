import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';

/** The secretariat's view of the audit trail (`auditEvents`). Writing events is AuditTrail's job. */
@Module({ providers: [AuditResolver] })
export class AuditQueryModule {}
