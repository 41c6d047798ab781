import { Args, Field, InputType, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Ctx, RequestContext, SignedIn } from '@tel/core';
import { Group, Meeting, MeetingsLoaders } from '@tel/meetings';
import { Follow, FollowKind } from './follow.entity';
import { FollowsService } from './follows.service';

@InputType({ description: 'A steering group or a meeting, by its code: exactly one of the two.' })
export class FollowInput {
  @Field(() => String, { nullable: true, description: 'SPSG: every meeting of the group.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  groupCode?: string | null;

  @Field(() => String, { nullable: true, description: 'TEL37: every group at that meeting.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  meetingCode?: string | null;
}

@Resolver(() => Follow)
export class FollowsResolver {
  constructor(
    private readonly follows: FollowsService,
    private readonly loaders: MeetingsLoaders,
  ) {}

  @SignedIn()
  @Query(() => [Follow], { description: 'The groups and meetings I follow (oldest first): their new documents come in my daily digest.' })
  myFollows(@Ctx() ctx: RequestContext): Promise<Follow[]> {
    return this.follows.mine(ctx);
  }

  @SignedIn()
  @Mutation(() => Follow, {
    description: 'Follows a group or a meeting: its new documents and revisions come in my daily digest (FOLLOWED_DOCUMENTS). Following again changes nothing.',
  })
  follow(@Ctx() ctx: RequestContext, @Args('input') input: FollowInput): Promise<Follow> {
    return this.follows.follow(ctx, input);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Stops following a group or a meeting; answers whether I followed it.' })
  unfollow(@Ctx() ctx: RequestContext, @Args('input') input: FollowInput): Promise<boolean> {
    return this.follows.unfollow(ctx, input);
  }

  @ResolveField(() => Group, { nullable: true, description: 'The group, when kind is GROUP.' })
  group(@Ctx() ctx: RequestContext, @Parent() f: Follow): Promise<Group | null> {
    return f.kind === FollowKind.GROUP ? this.loaders.group(ctx, f.targetId) : Promise.resolve(null);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'The meeting, when kind is MEETING.' })
  meeting(@Ctx() ctx: RequestContext, @Parent() f: Follow): Promise<Meeting | null> {
    return f.kind === FollowKind.MEETING ? this.loaders.meeting(ctx, f.targetId) : Promise.resolve(null);
  }

  @ResolveField(() => String, { description: 'ISO 8601, UTC.' })
  createdAt(@Parent() f: Follow): string {
    return f.createdAt.toISOString();
  }
}

@Resolver(() => Group)
export class GroupFollowResolver {
  constructor(private readonly follows: FollowsService) {}

  @ResolveField(() => Boolean, { description: 'Whether I follow this group (false when not signed in).' })
  followedByMe(@Ctx() ctx: RequestContext, @Parent() group: Group): Promise<boolean> {
    return this.follows.followedByMe(ctx, FollowKind.GROUP, group.id);
  }
}

@Resolver(() => Meeting)
export class MeetingFollowResolver {
  constructor(private readonly follows: FollowsService) {}

  @ResolveField(() => Boolean, { description: 'Whether I follow this meeting (false when not signed in).' })
  followedByMe(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting): Promise<boolean> {
    return this.follows.followedByMe(ctx, FollowKind.MEETING, meeting.id);
  }
}
