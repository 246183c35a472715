/** Every command explains itself (--help with an example), and a mistake is a message and exit 64, never a stack trace. */
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

const COMMANDS = [
  ['keygen'], ['did-web'], ['issue'], ['verify'], ['fetch-evidence'],
  ['status'], ['status', 'revoke'], ['status', 'suspend'], ['status', 'reinstate'], ['status', 'show'], ['status', 'publish'],
  ['bake'], ['unbake'], ['stack'], ['stack', 'progress'], ['stack', 'award'], ['clr'],
];

describe('obv3 usage', () => {
  it.each(COMMANDS)('%s %s --help shows an example and exits 0', async (...command) => {
    const { code, stdout } = await cli(process.cwd(), ...command.filter(Boolean), '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Examples?:\n +\$ obv3 /);
  });

  it.each([
    [['verify'], /missing required argument/],
    [['issue', '--key', 'k.json'], /Give either --draft/],
    [['keygen'], /Say where to save the key/],
    [['verify', '.', '--now', 'soon'], /--now "soon" is not a date/],
    [['verify', '.', '--pin-host', 'a=127.0.0.1'], /only apply with --allow-network/],
    [['verify', '.', '--allow-network', '--evidence', 'e'], /not both/],
    [['verify', '.', '--allow-network', '--pin-host', 'nonsense'], /must be HOST=ADDRESS/],
    [['frobnicate'], /unknown command/],
    [['issue', '--key', 'k.json', '--roster', 'r.csv', '--workers', 'many'], /--workers must be a whole number/],
    [[], /Usage: obv3/],
  ] as const)('obv3 %j: exit 64 with a message', async (args, message) => {
    const { code, stderr } = await cli(process.cwd(), ...args);
    expect(code).toBe(64);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n +at /);
  });

  it('a missing file is a plain failure (exit 1) that names it', async () => {
    const { code, stderr } = await cli(process.cwd(), 'unbake', 'no-such-badge.png');
    expect(code).toBe(1);
    expect(stderr).toBe('obv3: Cannot read the image ' + `${process.cwd()}/no-such-badge.png: no such file or directory.\n`);
  });
});
