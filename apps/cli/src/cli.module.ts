import { DynamicModule, Global, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, AuditTrail, DatabaseModule } from '@tel/core';
import { SqlAuditTrail } from '@tel/audit';
import { AuthModule } from '@tel/auth';
import { ALL_ENTITIES } from '@tel/registry';

@Global()
@Module({
  providers: [{ provide: AuditTrail, useClass: SqlAuditTrail }],
  exports: [AuditTrail],
})
class CliAuditModule {}

/** What the CLI needs: the database (migrated), the audit trail and the accounts service. No HTTP. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [DatabaseModule.forRoot({ config, entities: ALL_ENTITIES }), CliAuditModule, AuthModule],
    };
  }
}

export async function createCliContext(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'], abortOnError: false });
  await app.init();
  return app;
}
