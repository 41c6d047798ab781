export * from './test-app';
export * from './accounts';
export * from './tcp-proxy';
export * from './web-build';
export * from './schema-walker';
export * from './smtp-inbox';
export * from './server-build';
export * from './own-redis';
