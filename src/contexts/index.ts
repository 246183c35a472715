export * from './bundled.js';
export * from './document-loader.js';
