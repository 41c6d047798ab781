export * from './authenticator';
export * from './access.guard';
export * from './request-context.middleware';
export * from './auth.module';
