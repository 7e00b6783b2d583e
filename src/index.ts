export * from './intent/api-gateway';
export * from './intent/backend';
export * from './intent/canary';
export * from './intent/controller';
export * from './intent/match';
export * from './intent/route';
export * from './intent/tls-host';
