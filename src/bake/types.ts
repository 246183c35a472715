/** Public types of baking and unbaking. */

export type BakedImageFormat = 'png' | 'svg';

/**
 * What `bake` embeds: a credential with an embedded proof (the object, or its JSON text), or a
 * VC-JWT as its compact JWS string.
 */
export type BakeableCredential = object | string;

/** What `unbake` found. */
export type UnbakedCredential =
  | {
      format: BakedImageFormat;
      /** A credential with an embedded proof (JSON). */
      kind: 'json';
      credential: Record<string, unknown>;
      /** The text exactly as baked. */
      text: string;
    }
  | {
      format: BakedImageFormat;
      /** A VC-JWT: the compact JWS, not decoded or verified. */
      kind: 'jwt';
      jwt: string;
      /** The text exactly as baked (the same string as `jwt`). */
      text: string;
    };

export interface UnbakeOptions {
  /** Largest image read, in bytes. Default 4 MiB. */
  maxImageBytes?: number;
  /** Largest credential text accepted, also after inflating a compressed PNG chunk. Default 4 MiB. */
  maxCredentialBytes?: number;
}

/** The baked text and where it came from, before it is read as JSON or JWT. */
export interface BakedText {
  format: BakedImageFormat;
  text: string;
  /** Where in the image the text was, for messages (e.g. `iTXt chunk "openbadgecredential"`). */
  location: string;
}

export interface ExtractLimits {
  maxImageBytes: number;
  maxCredentialBytes: number;
}
