export * from './canary-service';
export * from './http-route';
export * from './match';
export * from './ports';
export * from './rollout';
export * from './traffic-policy';
export * from './version';
export * from './gateway-api';
