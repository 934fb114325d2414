import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** The built public site (site/dist), run against a test CMS by the site and browser tests. */
export const SITE_ENTRY = path.resolve(__dirname, '..', '..', 'site', 'dist', 'server', 'entry.mjs');
/** What `npm start -w site` runs: the built site behind the server that sets the visitor address. */
export const SITE_SERVER = path.resolve(__dirname, '..', '..', 'site', 'server.mjs');

/** Whether `port` can be listened on now (127.0.0.1). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port free now, for a server started later (a site whose address the CMS is told before it
 * starts). Taken below the system's range of ports given to `listen(0)` (32768 and up on Linux), so
 * that the servers other tests start meanwhile on port 0 cannot take it: one did once, and the
 * site, unable to listen, left the test talking to that other server until it closed.
 */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 200; tries += 1) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (await canListen(port)) return port;
  }
  throw new Error('Không tìm được cổng trống trong khoảng 20000–31999.');
}

export async function startSite(
  cmsUrl: string,
  options: { port?: number; env?: Record<string, string>; onOutput?: (text: string) => void } = {},
): Promise<{ child: ChildProcess; url: string }> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [SITE_SERVER], {
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port), CMS_URL: cmsUrl },
    stdio: options.onOutput ? ['ignore', 'pipe', 'pipe'] : 'ignore',
  });
  const { onOutput } = options;
  if (onOutput) {
    child.stdout?.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  }
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    // A site that could not start (its port taken) must not leave the test talking to another server.
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Trang công khai dừng khi khởi động (mã ${child.exitCode ?? child.signalCode}).`);
    try {
      await fetch(`${url}/favicon.ico`);
      return { child, url };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('Trang công khai không khởi động được');
}

/**
 * The test CMS listening on a free port with a proxy in front of it, for the site to call: the tests
 * see what the site asks (`intercept` sees each request first, and answers it itself by returning
 * true: a hung CMS, an answer of the wrong shape). `stopProxy` is the CMS going away for the site;
 * `close` ends the proxy and the CMS's listening.
 */
export async function cmsBehindProxy(
  cms: http.Server,
  intercept: (req: http.IncomingMessage, res: http.ServerResponse) => boolean = () => false,
): Promise<{ url: string; stopProxy: () => Promise<void>; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  const cmsPort = (cms.address() as AddressInfo).port;
  const proxy = http.createServer((req, res) => {
    if (intercept(req, res)) return;
    const forward = http.request(
      { host: '127.0.0.1', port: cmsPort, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const stopProxy = async () => {
    proxy.closeAllConnections();
    if (proxy.listening) await new Promise<void>((resolve) => proxy.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    stopProxy,
    close: async () => {
      await stopProxy();
      await new Promise<void>((resolve) => cms.close(() => resolve()));
    },
  };
}
