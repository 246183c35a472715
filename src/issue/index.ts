export * from './issue-credential.js';
export * from './issue-endorsement.js';
export * from './sign-trust-registry.js';
export * from './issue-credential-jwt.js';
