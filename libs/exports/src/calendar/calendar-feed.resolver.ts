import { Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, SignedIn } from '@tel/core';
import { originOf } from '../http/origin';
import { CalendarService } from './calendar.service';

@ObjectType({ description: 'My private calendar feed of report deadlines; its address is shown only when it is made.' })
export class CalendarFeedInfo {
  @Field({ description: 'ISO 8601, UTC: when the current address was made.' })
  createdAt: string;
}

@ObjectType({ description: 'A new address of my private feed. Keep it: it is not shown again.' })
export class RegeneratedCalendarFeed {
  @Field({ description: 'The full address to subscribe to (e.g. https://host/calendar/deadlines/<secret>.ics).' })
  url: string;

  @Field({ description: 'The same, without scheme and host.' })
  path: string;

  @Field({ description: 'ISO 8601, UTC.' })
  createdAt: string;
}

@Resolver()
export class CalendarFeedResolver {
  constructor(private readonly calendars: CalendarService) {}

  @SignedIn()
  @Query(() => CalendarFeedInfo, { nullable: true, description: 'Whether I have a private deadline feed, and since when (never its address).' })
  async myCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeedInfo | null> {
    const feed = await this.calendars.feedOf(ctx);
    return feed ? { createdAt: feed.updatedAt.toISOString() } : null;
  }

  @SignedIn()
  @Mutation(() => RegeneratedCalendarFeed, {
    description:
      'Makes my private feed of report deadlines (the projects I oversee), or replaces it: the old address stops working. The address is in this answer and nowhere else.',
  })
  async regenerateCalendarFeed(@Ctx() ctx: RequestContext): Promise<RegeneratedCalendarFeed> {
    const feed = await this.calendars.regenerateFeed(ctx);
    return { url: `${originOf(ctx.req)}${feed.path}`, path: feed.path, createdAt: feed.createdAt.toISOString() };
  }
}
