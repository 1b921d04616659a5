export * from './canary-service';
export * from './http-route';
export * from './match';
export * from './ports';
export * from './rollout';
export * from './tcp-tls-route';
export * from './traffic-policy';
export * from './version';
