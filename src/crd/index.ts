export * from './schema';
export * from './scope';
export * from './custom-resource-definition';
export * from './custom-resource';
export * from './rbac';
export * from './controller';
