export * from './issue-credential.js';
