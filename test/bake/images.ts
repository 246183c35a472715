/**
 * Test images and a PNG reader written for the tests alone (not src/bake's), so that what bake()
 * writes is checked by a second implementation: this one for the chunk list and iTXt fields,
 * fast-png for decoding the pixels with every CRC checked.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import CRC32 from 'crc-32';
import { encode } from 'fast-png';
import { concatBytes } from '../../src/bytes/concat-bytes.js';
import { Obv3Error } from '../../src/errors.js';
import { generateKey, issueCredential } from '../../src/index.js';
import { waitTimeDraft } from '../support/drafts.js';

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'assets');

export const assetPng = (): Uint8Array => new Uint8Array(readFileSync(join(ASSETS, 'badge.png')));
export const assetSvg = (): string => readFileSync(join(ASSETS, 'badge.svg'), 'utf8');

/** A 2×2 RGBA PNG made by another encoder (fast-png), optionally with tEXt chunks. */
export function tinyPng(text?: Record<string, string>): Uint8Array {
  return encode({ width: 2, height: 2, data: new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 0]), channels: 4, ...(text ? { text } : {}) });
}

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface RawChunk {
  type: string;
  data: Uint8Array;
}

/** The chunks of a well-formed PNG (this reader trusts its input: tests hand it bake() output). */
export function chunksOf(png: Uint8Array): RawChunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: RawChunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    chunks.push({ type, data: png.slice(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** A chunk's bytes; `crc` and `length` override the true values to make damaged files. */
export function rawChunk(type: string, data: Uint8Array, override: { crc?: number; length?: number } = {}): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, override.length ?? data.length);
  const typeBytes = Uint8Array.from(type, (c) => c.charCodeAt(0));
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, override.crc ?? (CRC32.buf(data, CRC32.buf(typeBytes)) >>> 0));
  return out;
}

export function pngOf(chunks: Uint8Array[]): Uint8Array {
  return concat([PNG_SIGNATURE, ...chunks]);
}

/** The chunks of `png` with `extra` inserted before IEND. */
export function withChunksBeforeIend(png: Uint8Array, extra: Uint8Array[]): Uint8Array {
  const chunks = chunksOf(png);
  const body = chunks.filter((c) => c.type !== 'IEND').map((c) => rawChunk(c.type, c.data));
  return pngOf([...body, ...extra, rawChunk('IEND', new Uint8Array())]);
}

export interface ItxtFields {
  keyword: string;
  text: string | Uint8Array;
  compressed?: boolean;
  languageTag?: string;
  translatedKeyword?: string;
}

export function itxtData(fields: ItxtFields): Uint8Array {
  const enc = new TextEncoder();
  const textBytes = typeof fields.text === 'string' ? enc.encode(fields.text) : fields.text;
  return concat([
    enc.encode(fields.keyword), Uint8Array.of(0, fields.compressed ? 1 : 0, 0),
    enc.encode(fields.languageTag ?? ''), Uint8Array.of(0),
    enc.encode(fields.translatedKeyword ?? ''), Uint8Array.of(0),
    fields.compressed ? new Uint8Array(deflateSync(textBytes)) : textBytes,
  ]);
}

export function itxtChunk(fields: ItxtFields): Uint8Array {
  return rawChunk('iTXt', itxtData(fields));
}

/** Reads an iTXt chunk's fields (an independent reading of PNG spec §11.3.3.4). */
export function readItxt(data: Uint8Array): Required<Omit<ItxtFields, 'text'>> & { text: string } {
  const nul1 = data.indexOf(0);
  const compressed = data[nul1 + 1] === 1;
  const nul2 = data.indexOf(0, nul1 + 3);
  const nul3 = data.indexOf(0, nul2 + 1);
  const dec = new TextDecoder();
  const stored = data.subarray(nul3 + 1);
  return {
    keyword: dec.decode(data.subarray(0, nul1)),
    compressed,
    languageTag: dec.decode(data.subarray(nul1 + 3, nul2)),
    translatedKeyword: dec.decode(data.subarray(nul2 + 1, nul3)),
    text: dec.decode(compressed ? inflateSync(stored) : stored),
  };
}

export const concat = concatBytes;

/** A real signed credential (eddsa-rdfc-2022, did:key issuer), issued once per test file. */
export async function signedCredential(overrides: Parameters<typeof waitTimeDraft>[1] = {}) {
  const key = await generateKey();
  return issueCredential(waitTimeDraft(key.controller, overrides), { key });
}

/** A compact JWS of the right shape, for the baking tests (VC-JWT signing lands separately). */
export function jwtLike(payload: object = { vc: { id: 'urn:uuid:1' } }): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: 'https://lakeside.example.org/keys/1' })}.${b64(payload)}.${Buffer.from('signature bytes').toString('base64url')}`;
}

/** The code of the Obv3Error `run` throws, or a description of what happened instead. */
export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof Obv3Error) return error.code;
    return `not an Obv3Error: ${String(error)}`;
  }
  return 'nothing thrown';
}

export function errorOf(run: () => unknown): Obv3Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Obv3Error) return error;
    throw new Error(`expected an Obv3Error, got: ${String(error)}`);
  }
  throw new Error('expected an Obv3Error, but nothing was thrown');
}
