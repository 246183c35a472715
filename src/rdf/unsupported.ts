/**
 * The fast converter handles a subset of JSON-LD (the shapes the bundled contexts produce). Outside
 * it — or wherever jsonld.js would raise an error or a safe-mode event — it throws `Unsupported`,
 * and the caller hands the document to jsonld.js instead, which then produces the real result or
 * the real error. It never escapes src/rdf.
 */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}

export function unsupported(reason: string): never {
  throw new Unsupported(reason);
}
