/** How many times per second `work` runs, after a warm-up (JIT, jsonld's context cache). */
export async function rate(label: string, seconds: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await work();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await work();
    count++;
  }
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`  ${label.padEnd(46)} ${perSecond.toFixed(1).padStart(8)} /s`);
  return perSecond;
}
