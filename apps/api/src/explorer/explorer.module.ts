import { DynamicModule, Module } from '@nestjs/common';
import { EXPLORER_ASSETS, loadExplorerAssets } from './explorer-assets';
import { ExplorerController } from './explorer.controller';

/**
 * The GraphQL explorer at /explorer. When disabled (NODE_ENV=production without
 * EXPLORER_ENABLED=true) nothing is mounted, so /explorer answers the usual JSON 404.
 */
@Module({})
export class ExplorerModule {
  static forRoot(enabled: boolean): DynamicModule {
    if (!enabled) return { module: ExplorerModule };
    // Resolved now, so a missing package stops start-up instead of breaking the page later.
    const assets = loadExplorerAssets();
    return {
      module: ExplorerModule,
      controllers: [ExplorerController],
      providers: [{ provide: EXPLORER_ASSETS, useValue: assets }],
    };
  }
}
