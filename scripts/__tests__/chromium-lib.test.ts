type ChromiumLib = typeof import('../chromium-lib.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the script's rules are CommonJS
const { CHROMIUM, chromiumPlan, ensureChromium } = require('../chromium-lib.cjs') as ChromiumLib;

const APT = { DEBIAN_FRONTEND: 'noninteractive' };

describe('chromiumPlan', () => {
  it.each([
    [{ present: true, isRoot: true, aptAvailable: true }, 'use'],
    [{ present: true, isRoot: false, aptAvailable: false }, 'use'],
    [{ present: false, isRoot: true, aptAvailable: true }, 'install'],
    [{ present: false, isRoot: false, aptAvailable: true }, 'stop'],
    [{ present: false, isRoot: true, aptAvailable: false }, 'stop'],
  ])('%j → %s', (machine, action) => {
    expect(chromiumPlan(machine).action).toBe(action);
  });

  it('installs Debian’s package with apt, after refreshing the package lists, never a download of its own', () => {
    expect(chromiumPlan({ present: false, isRoot: true, aptAvailable: true }).commands).toEqual([
      { command: 'apt-get', args: ['update', '-qq'], env: APT },
      { command: 'apt-get', args: ['install', '-y', '-qq', 'chromium'], env: APT },
    ]);
  });

  it('tells a person who is not root the one command to run', () => {
    const plan = chromiumPlan({ present: false, isRoot: false, aptAvailable: true });
    expect(plan).toMatchObject({ action: 'stop', command: 'sudo apt-get install -y chromium', commands: [] });
    if (plan.action === 'stop') {
      expect(plan.message).toContain('    sudo apt-get install -y chromium\n');
      expect(plan.message).toContain('npm test');
    }
  });

  it('names the path the tests need on a machine without apt', () => {
    const plan = chromiumPlan({ present: false, isRoot: true, aptAvailable: false });
    expect(plan).toMatchObject({ action: 'stop', command: null });
    if (plan.action === 'stop') expect(plan.message).toContain(CHROMIUM);
  });
});

describe('ensureChromium', () => {
  function machine(options: {
    present: boolean;
    isRoot: boolean;
    aptAvailable: boolean;
    installWorks?: boolean;
  }) {
    let installed = options.present;
    const ran: string[] = [];
    const lines: string[] = [];
    return {
      ran,
      lines,
      system: {
        exists: (path: string) => path === CHROMIUM && installed,
        isRoot: () => options.isRoot,
        aptAvailable: () => options.aptAvailable,
        run: async (command: string, args: string[], env: Record<string, string>) => {
          ran.push(`${env.DEBIAN_FRONTEND ?? ''} ${command} ${args.join(' ')}`.trim());
          if (args[0] === 'install') {
            if (options.installWorks === false)
              throw new Error('apt-get install -y -qq chromium kết thúc với mã 100');
            installed = true;
          }
        },
        log: (line: string) => lines.push(line),
      },
    };
  }

  it('uses the Chromium that is there and runs nothing', async () => {
    const { system, ran, lines } = machine({ present: true, isRoot: true, aptAvailable: true });
    await expect(ensureChromium(system)).resolves.toMatchObject({ action: 'use' });
    expect(ran).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('installs it as root with apt, says so on a progress line, and goes on', async () => {
    const { system, ran, lines } = machine({ present: false, isRoot: true, aptAvailable: true });
    await expect(ensureChromium(system)).resolves.toMatchObject({ action: 'install' });
    expect(ran).toEqual([
      'noninteractive apt-get update -qq',
      'noninteractive apt-get install -y -qq chromium',
    ]);
    expect(lines[0]).toMatch(/^\[test\] Chưa có Chromium .*đang cài gói chromium của Debian/);
    expect(lines.at(-1)).toBe(`[test] Đã cài Chromium tại ${CHROMIUM}.`);
  });

  it('stops with apt’s failure when the install fails', async () => {
    const { system, ran } = machine({
      present: false,
      isRoot: true,
      aptAvailable: true,
      installWorks: false,
    });
    await expect(ensureChromium(system)).rejects.toThrow('kết thúc với mã 100');
    expect(ran).toHaveLength(2);
  });

  it('stops without running anything when the person is not root, naming the command', async () => {
    const { system, ran } = machine({ present: false, isRoot: false, aptAvailable: true });
    await expect(ensureChromium(system)).rejects.toThrow('sudo apt-get install -y chromium');
    expect(ran).toEqual([]);
  });
});
