import { Args, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, SignedIn } from '@tel/core';
import { ReportDeadline, ReportReminders } from './report-reminders.service';

@Resolver(() => ReportDeadline)
export class ReportDeadlinesResolver {
  constructor(private readonly reminders: ReportReminders) {}

  @SignedIn()
  @Query(() => [ReportDeadline], {
    description: 'The next progress report of each project in progress, with its due date ("due: date not set" while the meeting has no dates). mine: only projects I oversee.',
  })
  reportDeadlines(@Ctx() ctx: RequestContext, @Args('mine', { type: () => Boolean, nullable: true }) mine: boolean | null): Promise<ReportDeadline[]> {
    return this.reminders.deadlines(ctx, new Date(), mine ?? false);
  }
}
