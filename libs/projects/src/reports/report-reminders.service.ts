import { Field, ObjectType } from '@nestjs/graphql';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobsService } from '@tel/jobs';
import { In } from 'typeorm';
import { APP_CONFIG, AppConfig, NotificationKind, Notifier, RequestContext, UnitOfWork } from '@tel/core';
import { LookupService, Meeting } from '@tel/meetings';
import { ProjectAccess } from '../access/project-access';
import { Project } from '../projects/project.entity';
import { ProjectStatus } from '../projects/project.enums';
import { ProgressReport } from './progress-report.entity';
import { ProgressReportStatus } from './progress-report.rules';
import { reportDueOn } from './report-due.rules';
import { dateInZone, nextReportMeeting, ReminderStage, reminderStage, reminderTitle } from './report-reminder.rules';

const FILED = [ProgressReportStatus.SUBMITTED, ProgressReportStatus.RECEIVED, ProgressReportStatus.ACCEPTED];

/** A project's next progress report: for which meeting, and when it is due. */
@ObjectType()
export class ReportDeadline {
  @Field(() => Project)
  project: Project;

  @Field(() => Meeting)
  meeting: Meeting;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while the meeting has no dates yet ("due: date not set").' })
  dueOn: string | null;

  @Field({ description: 'For people: "due 2008-08-23", "overdue since 2008-08-23", "due: date not set", or "submitted".' })
  dueLabel: string;

  @Field({ description: 'A report for that meeting has been submitted (or received, accepted).' })
  filed: boolean;
}

/**
 * Report deadlines and their reminders. A pass (`run`) mails the overseers of every project whose
 * next report is due in 14, 7 or 1 days, or overdue — counted in the meeting's time zone. Each
 * reminder goes once per report and due date: its dedupe key (project, meeting, due date, stage)
 * is unique per recipient in the notifications table, so a pass that runs again, after a restart
 * or in several API processes at once, sends nothing twice. A new due date (the meeting moved)
 * starts the reminders again. The pass is scheduled through libs/jobs every REMINDER_INTERVAL_MS:
 * a BullMQ job scheduler with Redis (once per interval across every API process), a timer without.
 */
@Injectable()
export class ReportReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReportReminders');
  private first: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<number> | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly access: ProjectAccess,
    private readonly notifier: Notifier,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The schedule (REMINDER_INTERVAL_MS; 0: off): a pass at each interval through libs/jobs, and one
   * shortly after start (idempotent, so a start in several processes at once sends nothing twice).
   */
  onApplicationBootstrap(): void {
    const every = this.config.mail.reminderIntervalMs;
    if (!every) return;
    const pass = async () => {
      if (!this.stopped) await this.run();
    };
    // Not awaited: with Redis away the scheduling waits for it, and the process must start meanwhile
    // (and say it is not ready) rather than hang in its bootstrap.
    void this.jobs
      .schedule({ name: 'report-reminders', repeat: { everyMs: every }, run: pass })
      .catch((error: unknown) => this.logger.error(`reminders not scheduled: ${error instanceof Error ? error.message : String(error)}`));
    this.first = setTimeout(
      () => void pass().catch((error: unknown) => this.logger.error(`reminder pass failed: ${error instanceof Error ? error.message : String(error)}`)),
      Math.min(every, 10_000),
    );
    this.first.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.first) clearTimeout(this.first);
    this.first = null;
    await this.running?.catch(() => undefined);
  }

  /** The next report of each project in progress (all, or those `ctx` oversees when `mine`). */
  async deadlines(ctx: RequestContext | null, now = new Date(), mine = false): Promise<ReportDeadline[]> {
    const em = this.uow.manager;
    let projects = await em.find(Project, { where: { status: ProjectStatus.IN_PROGRESS }, order: { title: 'ASC' } });
    if (mine && ctx) {
      const own = await Promise.all(projects.map((p) => this.access.isOverseerOf(em, ctx, p.id)));
      projects = projects.filter((_, i) => own[i]);
    }
    const byForum = new Map<string, Meeting | null>();
    const out: ReportDeadline[] = [];
    for (const project of projects) {
      if (!byForum.has(project.forumId)) byForum.set(project.forumId, nextReportMeeting(await this.lookup.meetingsOfGroup(em, project.forumId), now) as Meeting | null);
      const meeting = byForum.get(project.forumId);
      if (!meeting) continue;
      const filed = await em.exists(ProgressReport, { where: { projectId: project.id, meetingId: meeting.id, status: In(FILED) } });
      const dueOn = meeting.startDate ? reportDueOn(meeting.startDate, this.config.projects.reportDueDaysBeforeMeeting) : null;
      const today = dateInZone(now, meeting.timeZone);
      const dueLabel = filed ? 'submitted' : !dueOn ? 'due: date not set' : dueOn < today ? `overdue since ${dueOn}` : `due ${dueOn}`;
      out.push({ project, meeting, dueOn, dueLabel, filed });
    }
    return out;
  }

  /** One pass; returns how many reminders it found owed (each recipient is still mailed once, ever). */
  run(now = new Date()): Promise<number> {
    const pass = (this.running ?? Promise.resolve(0)).catch(() => 0).then(() => this.pass(now));
    this.running = pass;
    return pass;
  }

  private async pass(now: Date): Promise<number> {
    let owed = 0;
    for (const d of await this.deadlines(null, now)) {
      if (d.filed || !d.dueOn) continue;
      const stage = reminderStage(d.dueOn, dateInZone(now, d.meeting.timeZone));
      if (!stage) continue;
      const dueOn = d.dueOn;
      await this.uow.write(async (em) => {
        const overseers = await this.access.overseerUserIds(em, d.project.id);
        if (!overseers.length) return;
        owed++;
        await this.notifier.notify(em, {
          kind: NotificationKind.REPORT_REMINDER,
          recipients: { userIds: overseers },
          title: reminderTitle(stage, d.project.title),
          body: [
            stage === ReminderStage.OVERDUE
              ? `The progress report of "${d.project.title}" for ${d.meeting.code} was due on ${dueOn} and has not been submitted.`
              : `The progress report of "${d.project.title}" for ${d.meeting.code} is due on ${dueOn} (${this.config.projects.reportDueDaysBeforeMeeting} days before the meeting starts on ${d.meeting.startDate}).`,
            'Draft it and submit it in the registry.',
          ],
          path: `/projects/${d.project.id}`,
          dedupeKey: `reminder:${d.project.id}:${d.meeting.id}:${dueOn}:${stage}`,
        });
      });
    }
    return owed;
  }
}
