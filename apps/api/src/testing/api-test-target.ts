import type { TestAppTarget } from '@tel/testing';
import { ApiModule } from '../api.module';
import { configureHttp } from '../configure-http';

/** The API as `createTestApp` boots it: its root module and the HTTP settings the server applies. */
export const API_TEST_TARGET: TestAppTarget = {
  module: (config) => ApiModule.forRoot(config),
  configure: configureHttp,
};
