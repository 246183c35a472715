/** The one capped body reader: whole bodies up to the cap, the first max + 1 bytes beyond it, and the rest never read. */
import { describe, expect, it } from 'vitest';
import { collectCapped, declaredLength, responseChunks } from '../../src/bytes/collect-capped.js';

const bytes = (...values: number[]) => new Uint8Array(values);

function counting(chunks: Uint8Array[]) {
  const seen = { pulled: 0, ended: false };
  async function* source() {
    try {
      for (const chunk of chunks) {
        seen.pulled++;
        yield chunk;
      }
    } finally {
      seen.ended = true;
    }
  }
  return { seen, source: source() };
}

describe('collectCapped', () => {
  it('joins a body of at most max bytes', async () => {
    expect(await collectCapped(counting([bytes(1, 2), bytes(), bytes(3)]).source, 3)).toEqual({ bytes: bytes(1, 2, 3), overLimit: false });
  });

  it('stops at the first chunk past max, keeps max + 1 bytes and ends the source', async () => {
    const { seen, source } = counting([bytes(1, 2), bytes(3, 4, 5), bytes(6)]);
    const result = await collectCapped(source, 3);
    expect(result).toEqual({ bytes: bytes(1, 2, 3, 4), overLimit: true });
    expect(result.bytes.buffer.byteLength).toBe(4);
    expect(seen).toEqual({ pulled: 2, ended: true });
  });

  it('refuses any byte at a cap of 0', async () => {
    expect(await collectCapped(counting([bytes(9, 9)]).source, 0)).toEqual({ bytes: bytes(9), overLimit: true });
  });
});

describe('responseChunks', () => {
  it('reads a Response, and cancels its stream when reading stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes(7, 7, 7));
      },
      cancel() {
        cancelled = true;
      },
    });
    const result = await collectCapped(responseChunks(new Response(stream)), 5);
    expect(result).toEqual({ bytes: bytes(7, 7, 7, 7, 7, 7), overLimit: true });
    expect(cancelled).toBe(true);
  });

  it('gives an empty body for a Response without one', async () => {
    expect(await collectCapped(responseChunks(new Response(null, { status: 204 })), 10)).toEqual({ bytes: bytes(), overLimit: false });
  });
});

describe('declaredLength', () => {
  it.each([
    ['12', 12], [' 12 ', 12], ['0', 0],
    ['', undefined], ['12, 12', undefined], ['1e3', undefined], ['-1', undefined], [null, undefined], [undefined, undefined],
  ] as const)('%j → %j', (value, expected) => {
    expect(declaredLength(value)).toBe(expected);
  });
});
