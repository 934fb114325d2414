import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A free TCP port on 127.0.0.1. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(`Không tìm thấy initdb trong ${root}/*/bin (cài postgresql).`);
  return path.join(root, versions[0], 'bin');
}

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, on a free port), which the
 * test may stop and start to play an outage without touching the shared server. PostgreSQL refuses
 * to run as root: as root, its commands run as the `postgres` OS user.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgd-pg-'));
    const cluster = new PrivatePostgres(dir, await freePort(), binDir());
    if (process.getuid?.() === 0) {
      const [uid, gid] = ['-u', '-g'].map((flag) =>
        Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim()),
      );
      fs.chownSync(dir, uid, gid);
    }
    cluster.run('initdb', [
      '-D',
      cluster.data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    return cluster;
  }

  get data(): string {
    return path.join(this.dir, 'data');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    this.run('pg_ctl', ['-D', this.data, '-o', options, '-l', path.join(this.dir, 'log'), '-w', 'start']);
  }

  /** Fast shutdown: open connections are cut, as when the server or its machine goes away. */
  stop(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  destroy(): void {
    spawnSync(
      this.command('pg_ctl')[0],
      [...this.command('pg_ctl').slice(1), '-D', this.data, '-m', 'immediate', 'stop'],
      {
        cwd: this.dir,
        encoding: 'utf8',
      },
    );
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private command(name: string): string[] {
    const program = path.join(this.bin, name);
    return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', program] : [program];
  }

  private run(name: string, args: string[]): void {
    const [program, ...before] = this.command(name);
    const result = spawnSync(program, [...before, ...args], { cwd: this.dir, encoding: 'utf8' });
    if (result.status !== 0) {
      const log = path.join(this.dir, 'log');
      const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(`${name} thất bại (${result.status}): ${result.stderr}${result.error ?? ''}\n${tail}`);
    }
  }
}
