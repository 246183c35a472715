import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileStatusStore, type AllocateRequest, type StatusStore } from '../../../src/status/store/index.js';
import { caughtError } from '../../keys/caught-error.js';
import { allocation, bitAt, describeStatusStoreContract, LIST_SIZE } from './store-contract.js';
import { makeTempDirectory, readAllFiles, removeTempDirectory } from './fixtures/temp-directory.js';

describeStatusStoreContract('file store', async () => {
  const directory = await makeTempDirectory('file-contract');
  const store = await openFileStatusStore(directory);
  return {
    store,
    dispose: async () => {
      await store.close();
      await removeTempDirectory(directory);
    },
  };
});

describe('file store on disk', () => {
  let directory: string;
  const open: StatusStore[] = [];
  const openStore = async (options?: Parameters<typeof openFileStatusStore>[1]): Promise<StatusStore> => {
    const store = await openFileStatusStore(directory, options);
    open.push(store);
    return store;
  };
  beforeEach(async () => {
    directory = await makeTempDirectory('file-store');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    await removeTempDirectory(directory);
  });

  it('keeps every change across close and reopen, in owner-only files', async () => {
    const first = await openStore();
    const a = await first.allocate(allocation('urn:c:a'));
    const b = await first.allocate(allocation('urn:c:b', 'suspension'));
    await first.setStatus({ credentialId: 'urn:c:a', purpose: 'revocation', value: true });
    await first.setStatus({ credentialId: 'urn:c:b', purpose: 'suspension', value: true });
    await first.setStatus({ credentialId: 'urn:c:b', purpose: 'suspension', value: false });
    const before = await Promise.all([first.readList(a.listId), first.readList(b.listId)]);
    await first.close();

    const again = await openStore();
    expect(await again.lookup('urn:c:a')).toEqual([a]);
    expect(await again.lookup('urn:c:b')).toEqual([b]);
    expect(await Promise.all([again.readList(a.listId), again.readList(b.listId)])).toEqual(before);
    expect(bitAt(before[0]!.bits, a.index)).toBe(true);
    expect(before[1]!.revision).toBe(2);
    expect(await again.listIds()).toEqual([a.listId, b.listId]);
    for (const name of await readdir(directory)) {
      expect(((await stat(join(directory, name))).mode & 0o777).toString(8), name).toBe('600');
    }
    expect(((await stat(directory)).mode & 0o777).toString(8)).toBe('700');
  });

  it('sees what another store on the same directory wrote, also across compactions', async () => {
    const writer = await openStore({ compactAfterBytes: 2048 });
    const reader = await openStore({ compactAfterBytes: 2048 });
    const written = await Promise.all(Array.from({ length: 120 }, (_, n) => writer.allocate(allocation(`urn:c:${n}`))));
    for (let n = 0; n < 120; n += 3) await writer.setStatus({ credentialId: `urn:c:${n}`, purpose: 'revocation', value: true });
    const files = await readdir(directory);
    expect(files).toContain('snapshot.json');
    expect(files.filter((name) => name.startsWith('journal-'))).toHaveLength(1);

    expect((await reader.lookup('urn:c:119'))[0]).toEqual(written[119]);
    const mine = await reader.allocate(allocation('urn:c:reader'));
    expect(written.map((result) => result.index)).not.toContain(mine.index);
    const list = await reader.readList(mine.listId);
    expect(list?.allocated).toBe(121);
    expect(written.filter((_, n) => bitAt(list!.bits, written[n]!.index)).length).toBe(40);
    expect(list?.revision).toBe(40);
    expect((await writer.lookup('urn:c:reader'))[0]).toEqual(mine);
  });

  it('fills a whole list through group commit and compaction, then rolls over', async () => {
    const store = await openStore();
    const requests = Array.from({ length: LIST_SIZE + 1 }, (_, n) => allocation(`urn:c:${n}`));
    const results = await Promise.all(requests.map((request) => store.allocate(request)));
    const firstListId = results[0]!.listId;
    expect(results.filter((result) => result.listId === firstListId)).toHaveLength(LIST_SIZE);
    expect(new Set(results.filter((result) => result.listId === firstListId).map((result) => result.index)).size).toBe(LIST_SIZE);
    expect(requests.flatMap((request) => request.opened)).toHaveLength(2);
    await store.close();

    const reopened = await openStore();
    const lists = await reopened.listIds();
    expect(lists).toHaveLength(2);
    expect((await reopened.readList(lists[0]!))?.allocated).toBe(LIST_SIZE);
    expect((await reopened.lookup(`urn:c:${LIST_SIZE}`))[0]).toEqual(results[LIST_SIZE]);
    expect((await reopened.lookup('urn:c:77'))[0]).toEqual(results[77]);
  });

  it('ignores a torn last journal line, cuts it off on the next write, and loses nothing', async () => {
    const store = await openStore();
    const a = await store.allocate(allocation('urn:c:a'));
    await store.close();
    const journal = join(directory, 'journal-0.log');
    const intact = await readFile(journal);
    const lastLine = intact.subarray(0, intact.length - 1).toString('utf8');
    await appendFile(journal, lastLine.slice(0, lastLine.length / 2)); // a crash mid-append

    const reopened = await openStore();
    expect(await reopened.lookup('urn:c:a')).toEqual([a]);
    const b = await reopened.allocate(allocation('urn:c:b'));
    expect(b.index).not.toBe(a.index);
    const lines = (await readFile(journal, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).every((line) => /^[0-9a-f]{64} \{/.test(line))).toBe(true);
    expect(lines).toHaveLength(3);

    const fresh = await openStore();
    expect(await fresh.lookup('urn:c:b')).toEqual([b]);
    expect((await fresh.readList(a.listId))?.allocated).toBe(2);
  });

  it('ignores a garbled complete last line too (power loss can leave one)', async () => {
    const store = await openStore();
    const a = await store.allocate(allocation('urn:c:a'));
    await store.close();
    await appendFile(join(directory, 'journal-0.log'), `${'0'.repeat(64)} {"events":[]}\n`);
    const reopened = await openStore();
    expect(await reopened.lookup('urn:c:a')).toEqual([a]);
    expect((await reopened.allocate(allocation('urn:c:b'))).listId).toBe(a.listId);
  });

  it('refuses to open a journal damaged before intact lines, and leaves it as it is', async () => {
    const store = await openStore();
    await store.allocate(allocation('urn:c:a'));
    await store.allocate(allocation('urn:c:b'));
    await store.close();
    const journal = join(directory, 'journal-0.log');
    const bytes = await readFile(journal);
    bytes[70] = bytes[70] === 0x41 ? 0x42 : 0x41; // inside the first record's JSON
    await writeFile(journal, bytes);
    const before = await readAllFiles(directory);

    const error = await caughtError(() => openFileStatusStore(directory));
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toMatch(/damaged.*fails its checksum but later lines are intact/);
    expect(await readAllFiles(directory)).toEqual(before);
  });

  it('recovers from a compaction interrupted after its rename, and clears what it left', async () => {
    const store = await openStore();
    const a = await store.allocate(allocation('urn:c:a'));
    await store.close();
    const oldJournal = await readFile(join(directory, 'journal-0.log'));

    const compacting = await openStore({ compactAfterBytes: 1 });
    const b = await compacting.allocate(allocation('urn:c:b'));
    await compacting.close();
    expect((await readdir(directory)).sort()).toEqual(['journal-1.log', 'snapshot.json']);
    // As if killed before deleting the old journal, and mid-way through writing another snapshot.
    await writeFile(join(directory, 'journal-0.log'), oldJournal);
    await writeFile(join(directory, 'snapshot.json.0badc0de.tmp'), '{"format":"obv3-status-sna');

    const reopened = await openStore({ compactAfterBytes: 1 });
    expect(await reopened.lookup('urn:c:a')).toEqual([a]);
    expect(await reopened.lookup('urn:c:b')).toEqual([b]);
    expect((await reopened.readList(a.listId))?.allocated).toBe(2);
    // The next compaction comes once the journal outgrows the snapshot (~22 kB for one list).
    await Promise.all(Array.from({ length: 200 }, (_, n) => reopened.allocate(allocation(`urn:c:more:${n}`))));
    expect((await readdir(directory)).sort()).toEqual(['journal-2.log', 'snapshot.json']);
    expect((await reopened.readList(a.listId))?.allocated).toBe(202);
  });

  it('refuses a damaged snapshot', async () => {
    const store = await openStore({ compactAfterBytes: 1 });
    await store.allocate(allocation('urn:c:a'));
    await store.close();
    const snapshot = join(directory, 'snapshot.json');
    const text = await readFile(snapshot, 'utf8');
    await writeFile(snapshot, text.replace('urn:c:a', 'urn:c:z'));
    const error = await caughtError(() => openFileStatusStore(directory));
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toMatch(/snapshot\.json is damaged/);
  });

  it('leaves every file byte-for-byte unchanged when refusing bad input', async () => {
    const store = await openStore();
    const good = await store.allocate(allocation('urn:c:good'));
    await store.setStatus({ credentialId: 'urn:c:good', purpose: 'revocation', value: true });
    const before = await readAllFiles(directory);
    const badAllocations: unknown[] = [
      { ...allocation('x'), credentialId: '' },
      { ...allocation('urn:c:new'), purpose: 'expiry' },
      { ...allocation('urn:c:new'), listSize: 131_071 },
      { ...allocation('urn:c:new'), newListId: 'not a function' },
      { ...allocation('urn:c:new', 'suspension'), newListId: () => good.listId },
    ];
    for (const request of badAllocations) {
      expect((await caughtError(() => store.allocate(request as AllocateRequest))).code).toBe('INVALID_ARGUMENT');
    }
    for (const request of [
      { credentialId: 'urn:c:good', purpose: 'revocation', value: false },
      { credentialId: 'urn:c:missing', purpose: 'revocation', value: true },
      { credentialId: 'urn:c:good', purpose: 'expiry', value: true },
    ] as const) {
      expect((await caughtError(() => store.setStatus(request as never))).code).toBe('INVALID_ARGUMENT');
    }
    expect(await readAllFiles(directory)).toEqual(before);
  });

  it('creates a missing nested directory owner-only, and refuses a path that is a file', async () => {
    const nested = join(directory, 'a', 'b');
    const store = await openFileStatusStore(nested);
    await store.close();
    expect(((await stat(nested)).mode & 0o777).toString(8)).toBe('700');
    await writeFile(join(directory, 'plain-file'), 'x');
    const error = await caughtError(() => openFileStatusStore(join(directory, 'plain-file')));
    expect(error.message).toMatch(/cannot use .*plain-file as the store directory/);
  });

  it('refuses bad options before creating anything', async () => {
    const target = join(directory, 'not-created');
    for (const options of [{ lockTimeoutMs: -1 }, { compactAfterBytes: 0 }, { lockTimeoutMs: Number.NaN }]) {
      expect((await caughtError(() => openFileStatusStore(target, options))).code).toBe('INVALID_ARGUMENT');
    }
    expect((await caughtError(() => openFileStatusStore(''))).message).toMatch(/directory must be a non-empty path/);
    expect(await readdir(directory)).toEqual([]);
  });
});
