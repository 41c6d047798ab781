import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ArgumentMetadata, DynamicModule, Global, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ValidationError } from 'class-validator';
import { AppConfig, AppError, AuditTrail, DatabaseModule, Idempotency, idempotentMutations, setMaxPageSize } from '@tel/core';
import { AuditQueryModule, SqlAuditTrail } from '@tel/audit';
import { AccessGuard, AuthModule } from '@tel/auth';
import { JobsModule } from '@tel/jobs';
import { MeetingsModule } from '@tel/meetings';
import { DocumentsModule, DocumentVisibility } from '@tel/documents';
import { DocumentSearchModule } from '@tel/document-search';
import { ProjectsModule } from '@tel/projects';
import { ApprovalsModule } from '@tel/approvals';
import { NotificationsModule } from '@tel/notifications';
import { ExportsModule } from '@tel/exports';
import { ALL_ENTITIES } from '@tel/registry';
import { SeedOnStart } from './seed-on-start';
import { GraphqlRouteFirst } from './graphql/graphql-route-first';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { ExplorerModule } from './explorer/explorer.module';
import { HttpErrorFilter } from './http-error.filter';
import { WebModule } from './web/web.module';

function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => (prefix ? `${prefix}${m}` : m)),
    ...validationMessages(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

/** The inputs at fault, as paths (`steps.0.groupCode`). */
function invalidPaths(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [...(e.constraints ? [`${prefix}${e.property}`] : []), ...invalidPaths(e.children ?? [], `${prefix}${e.property}.`)]);
}

/**
 * class-validator's refusals as BAD_USER_INPUT, reason INPUT_INVALID, with `fields` (and so
 * `field`) naming the inputs at fault from the argument down: `input.number` for a GraphQL
 * argument `input`.
 */
class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      exceptionFactory: (errors) => AppError.badInput('INPUT_INVALID', validationMessages(errors).join('; ') || 'Invalid input', { fields: invalidPaths(errors) }),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const argument = metadata.data;
      if (!(error instanceof AppError) || error.reason !== 'INPUT_INVALID' || !argument) throw error;
      const fields = error.details?.fields?.length ? error.details.fields.map((f) => `${argument}.${f}`) : [argument];
      throw AppError.badInput('INPUT_INVALID', error.message, { fields });
    }
  }
}

@Global()
@Module({
  providers: [{ provide: AuditTrail, useClass: SqlAuditTrail }],
  exports: [AuditTrail],
})
class AuditModule {}

/** The HTTP API: GraphQL at /graphql, /health, /explorer, and the web app at /. Its middleware: configure-http.ts. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    setMaxPageSize(config.maxPageSize);
    const explorerEnabled = config.nodeEnv !== 'production' || config.explorerInProduction;
    return {
      module: ApiModule,
      imports: [
        DatabaseModule.forRoot({ config, entities: ALL_ENTITIES }),
        JobsModule.forRoot({ config, role: 'api' }),
        AuditModule,
        AuthModule,
        AuditQueryModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [DocumentsModule],
          inject: [DocumentVisibility, Idempotency],
          useFactory: (visibility: DocumentVisibility, idempotency: Idempotency) =>
            graphqlOptions(config, explorerEnabled, {
              // The documents rule's loader, for field middleware that cannot inject it (document-text.ts).
              onContext: (ctx) => visibility.attach(ctx),
              // Idempotency-Key scopes for mutations only; queries pay nothing for them.
              transformSchema: (schema) => idempotentMutations(schema, idempotency),
            }),
        }),
        MeetingsModule,
        DocumentsModule,
        DocumentSearchModule.forRoot({ api: true }),
        ProjectsModule,
        ApprovalsModule,
        NotificationsModule,
        ExportsModule,
        ExplorerModule.forRoot(explorerEnabled),
        // Last: the web app's history fallback answers only what no route above claimed.
        WebModule.forRoot(),
      ],
      controllers: [HealthController],
      providers: [
        SeedOnStart,
        GraphqlRouteFirst,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        {
          provide: APP_PIPE,
          useValue: new InputValidationPipe(),
        },
      ],
    };
  }
}
