import { DynamicModule, Module } from '@nestjs/common';
import { loadWebBuild, WEB_BUILD } from './web-assets';
import { WebController } from './web.controller';

/** The web app at / (apps/web, built into dist/web). Import it last: its history fallback catches all. */
@Module({})
export class WebModule {
  static forRoot(dir?: string): DynamicModule {
    return {
      module: WebModule,
      controllers: [WebController],
      providers: [{ provide: WEB_BUILD, useValue: loadWebBuild(dir) }],
    };
  }
}
