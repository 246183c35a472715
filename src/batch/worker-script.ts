/**
 * Starting a batch worker thread. The built package ships the worker as dist/batch-worker.js
 * (ESM) and dist/batch-worker.cjs (CommonJS) next to the entry that starts it. Run from source
 * (tsx, vitest), the worker is TypeScript: it is started through tsx's loader, which is then
 * installed (a development dependency).
 */
import { Worker } from 'node:worker_threads';

export function startWorker(workerData: unknown): Worker {
  const here = import.meta.url;
  const execArgv = workerExecArgv(process.execArgv);
  if (here.endsWith('.ts')) {
    const script = new URL('./worker.ts', here).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
    return new Worker(bootstrap, { eval: true, workerData, execArgv });
  }
  return new Worker(new URL(here.endsWith('.cjs') ? './batch-worker.cjs' : './batch-worker.js', here), { workerData, execArgv });
}

/**
 * The parent's Node options without those about the main script itself (`-e code`,
 * `--input-type`), which a worker would inherit and then refuse to start with.
 */
export function workerExecArgv(parent: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const arg = parent[i]!;
    if (arg === '-e' || arg === '-p' || arg === '--eval' || arg === '--print' || arg === '--input-type') {
      i++; // and its value
    } else if (!/^--(eval|print|input-type)=/.test(arg)) {
      kept.push(arg);
    }
  }
  return kept;
}
