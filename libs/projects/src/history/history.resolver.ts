import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { HistoryEvent } from './history-event.entity';

@Resolver(() => HistoryEvent)
export class HistoryEventResolver {
  @ResolveField(() => String, { description: 'When it happened (ISO 8601, UTC).' })
  at(@Parent() event: HistoryEvent): string {
    return event.createdAt.toISOString();
  }
}
