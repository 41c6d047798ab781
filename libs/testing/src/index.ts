export * from './test-app';
export * from './accounts';
