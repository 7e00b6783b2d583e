export * from './acme';
export * from './certificate';
export * from './issuer';
