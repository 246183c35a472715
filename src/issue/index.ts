export * from './issue-credential.js';
export * from './issue-endorsement.js';
