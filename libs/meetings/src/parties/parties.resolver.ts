import { Args, Field, ID, InputType, ObjectType, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AppError, Connection, Ctx, isUuid, PageArgs, pageWindow, Public, RequestContext, toPage, UnitOfWork } from '@tel/core';
import { Brackets } from 'typeorm';
import { MeetingsLoaders } from '../shared/meetings.loaders';
import { normalizeCode } from '../shared/lookup.service';
import { Economy } from './economy.entity';
import { Organization } from './organization.entity';
import { Person } from './person.entity';

@ObjectType()
export class PersonConnection extends Connection(Person) {}

@InputType()
export class PersonFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  economyCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(24)
  organizationCode?: string;

  @Field(() => String, { nullable: true, description: 'Part of the name, in Latin letters or the local script.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

@Resolver(() => Economy)
export class EconomyResolver {
  constructor(private readonly uow: UnitOfWork) {}

  @Public()
  @Query(() => [Economy], { description: 'The 21 APEC member economies, by code.' })
  economies(): Promise<Economy[]> {
    return this.uow.manager.find(Economy, { order: { code: 'ASC' } });
  }

  @Public()
  @Query(() => Economy)
  async economy(@Args('code') code: string): Promise<Economy> {
    const found = await this.uow.manager.findOne(Economy, { where: { code: normalizeCode(code) } });
    if (!found) throw AppError.notFound('ECONOMY_NOT_FOUND', 'Economy', code);
    return found;
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly loaders: MeetingsLoaders,
  ) {}

  @Public()
  @Query(() => [Organization], { description: 'Organizations; by default only those that take part in TEL in their own right.' })
  organizations(@Args('participantsOnly', { defaultValue: true }) participantsOnly: boolean): Promise<Organization[]> {
    return this.uow.manager.find(Organization, { where: participantsOnly ? { participant: true } : {}, order: { code: 'ASC' } });
  }

  @Public()
  @Query(() => Organization)
  async organization(@Args('code') code: string): Promise<Organization> {
    const found = await this.uow.manager.findOne(Organization, { where: { code: normalizeCode(code) } });
    if (!found) throw AppError.notFound('ORGANIZATION_NOT_FOUND', 'Organization', code);
    return found;
  }

  @ResolveField(() => Economy, { nullable: true })
  economy(@Parent() org: Organization, @Ctx() ctx: RequestContext): Promise<Economy | null> {
    return this.loaders.economy(ctx, org.economyId);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly loaders: MeetingsLoaders,
  ) {}

  @Public()
  @Query(() => PersonConnection)
  async persons(@Args('filter', { type: () => PersonFilter, nullable: true }) filter: PersonFilter | null, @Args() page: PageArgs): Promise<PersonConnection> {
    const window = pageWindow(page);
    const qb = this.uow.manager.createQueryBuilder(Person, 'p');
    if (filter?.economyCode) qb.innerJoin('economy', 'e', 'e.id = p.economyId AND e.code = :ec', { ec: normalizeCode(filter.economyCode) });
    if (filter?.organizationCode) qb.innerJoin('organization', 'o', 'o.id = p.organizationId AND o.code = :oc', { oc: normalizeCode(filter.organizationCode) });
    if (filter?.name?.trim()) {
      const like = `%${filter.name
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where("LOWER(p.name) LIKE :like ESCAPE '\\'", { like }).orWhere("p.nameLocal LIKE :like ESCAPE '\\'", { like })));
    }
    const [nodes, total] = await qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').skip(window.offset).take(window.limit).getManyAndCount();
    return toPage(nodes, total, window);
  }

  @Public()
  @Query(() => Person)
  async person(@Args('id', { type: () => ID }) id: string): Promise<Person> {
    const found = isUuid(id) ? await this.uow.manager.findOne(Person, { where: { id } }) : null;
    if (!found) throw AppError.notFound('PERSON_NOT_FOUND', 'Person', id);
    return found;
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(@Parent() person: Person, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return this.loaders.organization(ctx, person.organizationId);
  }

  @ResolveField(() => Economy, { nullable: true })
  economy(@Parent() person: Person, @Ctx() ctx: RequestContext): Promise<Economy | null> {
    return this.loaders.economy(ctx, person.economyId);
  }
}
