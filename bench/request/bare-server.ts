/**
 * The bare server of the request-path benchmark: NestJS 11 + @nestjs/graphql (Apollo 5) +
 * TypeORM on the same SQLite file as the real API, answering the benchmark's two queries and
 * nothing else — no guards, no request context, no DataLoaders, no plugins, no validation rules,
 * no logging, no CSRF prevention. It is the floor the real API's per-request path is measured
 * against (bench/request/run.ts), not a server anyone runs.
 *
 * Its entities map the tables the two queries read (meeting, tel_group, meeting_session) column
 * for column, with the same many-to-one relations, as the real entities do, so TypeORM builds the
 * same statements from the same metadata and hydrates the same rows: what differs is the request
 * path around them.
 *
 * Env: PORT, SQLITE_FILE.
 */
import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Field, ID, Int, ObjectType, Parent, Query, ResolveField, Resolver, GraphQLModule } from '@nestjs/graphql';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Column, CreateDateColumn, DataSource, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Only as the target of relations (the real entities' foreign keys). */
@Entity('economy')
class BareEconomy {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;
}

@ObjectType('Group')
@Entity('tel_group')
class BareGroup {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field()
  @Column({ type: 'varchar' })
  code: string;

  @Field()
  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'varchar' })
  kind: string;

  @Column({ type: 'varchar', nullable: true })
  parentId: string | null;

  @ManyToOne(() => BareGroup, { nullable: true })
  @JoinColumn({ name: 'parentId' })
  private parentRef?: unknown;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

@ObjectType('Session')
@Entity('meeting_session')
class BareSession {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar' })
  meetingId: string;

  @ManyToOne('BareMeeting', { nullable: false })
  @JoinColumn({ name: 'meetingId' })
  private meetingRef?: unknown;

  @Field()
  @Column({ type: 'varchar' })
  kind: string;

  @Field()
  @Column({ type: 'varchar' })
  title: string;

  @Column({ type: 'varchar' })
  startsAt: string;

  @Column({ type: 'varchar' })
  endsAt: string;

  @Column({ type: 'varchar', nullable: true })
  groupId: string | null;

  @ManyToOne(() => BareGroup, { nullable: true })
  @JoinColumn({ name: 'groupId' })
  private groupRef?: unknown;

  @Column({ type: 'boolean' })
  timeIsConventional: boolean;

  @Field()
  @Column({ type: 'boolean' })
  tentative: boolean;

  @Column({ type: 'varchar', nullable: true })
  leadEconomyId: string | null;

  @ManyToOne(() => BareEconomy, { nullable: true })
  @JoinColumn({ name: 'leadEconomyId' })
  private leadEconomyRef?: unknown;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

@ObjectType('Meeting')
@Entity('meeting')
class BareMeeting {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field()
  @Column({ type: 'varchar' })
  code: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  number: number | null;

  @Field()
  @Column({ type: 'varchar' })
  title: string;

  @Column({ type: 'varchar' })
  groupId: string;

  @ManyToOne(() => BareGroup, { nullable: false })
  @JoinColumn({ name: 'groupId' })
  private groupRef?: unknown;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  startDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  endDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  timeZone: string | null;

  @Column({ type: 'varchar', nullable: true })
  hostEconomyId: string | null;

  @ManyToOne(() => BareEconomy, { nullable: true })
  @JoinColumn({ name: 'hostEconomyId' })
  private hostEconomyRef?: unknown;

  @Column({ type: 'varchar', nullable: true })
  venue: string | null;

  @Column({ type: 'varchar', nullable: true })
  venueLocalName: string | null;

  @Column({ type: 'varchar' })
  status: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

@Injectable()
class Db {
  readonly source = new DataSource({
    type: 'better-sqlite3',
    database: process.env.SQLITE_FILE!,
    entities: [BareMeeting, BareGroup, BareSession, BareEconomy],
    synchronize: false,
    // The pragmas the real API sets (libs/core/src/database/data-source-options.ts).
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
  });
}

@Resolver(() => BareMeeting)
class BareMeetingResolver {
  constructor(private readonly db: Db) {}

  @Query(() => BareMeeting, { nullable: true })
  meeting(@Args('code') code: string): Promise<BareMeeting | null> {
    return this.db.source.manager.findOne(BareMeeting, { where: { code: code.toUpperCase() } });
  }

  @ResolveField(() => BareGroup)
  group(@Parent() meeting: BareMeeting): Promise<BareGroup | null> {
    return this.db.source.manager.findOne(BareGroup, { where: { id: meeting.groupId } });
  }

  @ResolveField(() => [BareSession])
  sessions(@Parent() meeting: BareMeeting): Promise<BareSession[]> {
    return this.db.source.manager.find(BareSession, { where: { meetingId: meeting.id }, order: { startsAt: 'ASC', endsAt: 'ASC', title: 'ASC' } });
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, path: '/graphql', autoSchemaFile: true, playground: false, introspection: false, csrfPrevention: false }),
  ],
  providers: [Db, BareMeetingResolver],
})
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: ['error', 'warn'] });
  // An experiment, off by default: the per-request AsyncLocalStorage scope the real API opens
  // (apps/api/src/configure-http.ts), to see what async_hooks cost on Node 20.
  if (process.env.BARE_REQUEST_SCOPE === '1') {
    const scope = new AsyncLocalStorage<object>();
    app.use((_req: unknown, _res: unknown, next: () => void) => scope.run({}, next));
  }
  await app.get(Db).source.initialize();
  app.getHttpServer().keepAliveTimeout = 65_000;
  await app.listen(Number(process.env.PORT));
  // A normal exit, so that --cpu-prof writes its profile.
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
