/** rdf-canonize ships no type declarations; only what src/rdf calls is declared. */
declare module 'rdf-canonize' {
  export function canonize(dataset: readonly object[], options: { algorithm: 'RDFC-1.0'; maxWorkFactor?: number; signal?: AbortSignal }): Promise<string>;
}
