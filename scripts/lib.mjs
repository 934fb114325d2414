// Small helpers shared by the root scripts (start, test, seed).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command, inheriting stdio; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} kết thúc với mã ${code ?? signal}`)),
    );
  });
}

/** Newest modification time under the given folders (0 when none exist). */
export function newestMtime(dirs) {
  let newest = 0;
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    if (!fs.statSync(dir).isDirectory()) {
      newest = Math.max(newest, fs.statSync(dir).mtimeMs);
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  dirs.forEach((dir) => walk(path.join(root, dir)));
  return newest;
}

/** The TypeScript libraries the CMS loads (shared config and the plugins), in build order. */
export const LIBRARIES = [
  'contracts',
  'config',
  'plugins/core',
  'plugins/workflow',
  'plugins/sellers',
  'plugins/catalog',
  'plugins/accounts',
  'plugins/orders',
  'plugins/complaints',
  'plugins/reviews',
  'plugins/stats',
];

/** Compiles the libraries (incremental: only what changed). */
export const buildLibraries = () => run('npx', ['tsc', '-b', ...LIBRARIES]);

const SOURCES = {
  cms: [
    'config/src',
    'contracts/src',
    'plugins/core/server',
    'plugins/sellers/server',
    'plugins/catalog/server',
    'plugins/workflow/server',
    'plugins/workflow/admin',
    'plugins/accounts/server',
    'plugins/accounts/admin',
    'plugins/orders/server',
    'plugins/complaints/server',
    'plugins/reviews/server',
    'plugins/stats/server',
    'plugins/stats/admin',
    'cms/src',
    'cms/config',
  ],
  site: ['config/src', 'contracts/src', 'site/src', 'site/public', 'site/astro.config.mjs'],
};

/** True when `stamp` is missing or older than the sources of `part`. */
export function isStale(part, stamp) {
  const file = path.join(root, stamp);
  return !fs.existsSync(file) || fs.statSync(file).mtimeMs < newestMtime(SOURCES[part]);
}

/** Builds the shared libraries, then the CMS and the site when their sources changed. */
export async function buildIfNeeded({ force = false } = {}) {
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  await buildLibraries();
  if (force || isStale('cms', 'cms/dist/build/index.html')) {
    console.log('[build] Biên dịch CMS và trang quản trị (khoảng 1 phút)…');
    await run('npm', ['run', 'build', '-w', 'cms']);
  }
  if (force || isStale('site', 'site/dist/server/entry.mjs')) {
    console.log('[build] Biên dịch trang công khai…');
    await run('npm', ['run', 'build', '-w', 'site']);
  }
}
