import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { CMS_DIR, readState, testEnvironment } from './setup/environment';
import { freePort } from './private-postgres';

/** Polls `check` every 200 ms until it is true, or fails after `ms` naming what it waited for. */
export async function until(check: () => Promise<boolean>, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Quá thời gian chờ: ${what}`);
}

export interface StrapiProcess {
  url: string;
  output(): string;
  exitCode(): number | null;
  /** SIGTERM, then the exit code (SIGKILL after 20 s). */
  stop(): Promise<number | null>;
}

/**
 * A real `strapi start` of the compiled app, as in production (outside Jest's worker, so the
 * shutdown handler and cron run), with the test environment plus `env`; resolves once `/_ready`
 * answers 200.
 */
export async function startStrapiProcess(
  env: Record<string, string>,
  bootMs = 120_000,
): Promise<StrapiProcess> {
  const port = await freePort();
  const bin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...testEnvironment(readState()),
    HOST: '127.0.0.1',
    PORT: String(port),
    ...env,
  };
  delete childEnv.JEST_WORKER_ID;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [bin, 'start'], {
    cwd: CMS_DIR,
    env: childEnv,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const handle: StrapiProcess = {
    url,
    output: () => output,
    exitCode: () => child.exitCode,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  try {
    await until(
      async () => {
        if (child.exitCode !== null) throw new Error(`Strapi dừng khi khởi động:\n${output}`);
        return (await fetch(`${url}/_ready`).catch(() => null))?.status === 200;
      },
      'Strapi sẵn sàng',
      bootMs,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return handle;
}
