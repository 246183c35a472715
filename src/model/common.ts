/**
 * Building blocks shared by every OB 3.0 class. Types only: the builders in `src/build` make
 * values of these shapes, and the verifier reads them.
 */

/** An absolute IRI/URI: a URL, a DID, or a `urn:uuid:`. The schema types these as plain strings. */
export type Iri = string;

/** An RFC 3339 date-time. Values this library writes are whole seconds in UTC: `2026-05-01T12:00:00Z`. */
export type DateTimeString = string;

/** An RFC 3339 full-date, `YYYY-MM-DD` (used only by `Profile.dateOfBirth`). */
export type DateString = string;

/** Where a vocabulary is open, OB 3.0 accepts extension terms spelled `ext:` + a name. */
export type ExtensionTerm = `ext:${string}`;

/**
 * A JSON-LD `type` set as the OB 3.0 schema spells it: an array that must contain `T`. Values we
 * build put `T` first; other members (e.g. extension types) may follow.
 */
export type TypeSet<T extends string> = [T, ...string[]];

/** One `@context` entry: a context URL or an inline context object. */
export type ContextEntry = string | { [term: string]: unknown };

/**
 * An image: a URL or data URI in `id`. The schema requires the object form (a bare string is not
 * accepted); builders take a string and wrap it.
 */
export interface Image {
  id: Iri;
  type: 'Image';
  caption?: string;
}
