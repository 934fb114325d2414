#!/usr/bin/env node
// `npm start`: builds what changed, then runs the CMS (http://localhost:1337/admin)
// and the public site (http://localhost:4321) together. `--dev` runs both in
// watch mode instead.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buildIfNeeded, buildLibraries, root } from './lib.mjs';

const dev = process.argv.includes('--dev');
const cmsPort = process.env.PORT || '1337';
const sitePort = process.env.SITE_PORT || '4321';
const cmsUrl = process.env.CMS_URL || `http://127.0.0.1:${cmsPort}`;
// The CMS tells the site when public content changes (a signed webhook), so the site can cache.
const siteUrl = process.env.SITE_URL || `http://127.0.0.1:${sitePort}`;
const webhookSecret = process.env.SITE_WEBHOOK_SECRET || randomBytes(32).toString('base64url');

if (dev) {
  await buildLibraries();
} else {
  await buildIfNeeded();
}

// Neither CMS nor site may reach out to the network on their own.
process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const children = [];
function launch(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    console.log(`[${name}] đã dừng (mã ${code}).`);
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? 1;
  });
  children.push(child);
}

launch('cms', 'npm', ['run', dev ? 'develop' : 'start', '-w', 'cms'], {
  PORT: cmsPort,
  SITE_URL: siteUrl,
  SITE_WEBHOOK_SECRET: webhookSecret,
});
launch('site', 'npm', ['run', dev ? 'dev' : 'start', '-w', 'site'], {
  HOST: process.env.SITE_HOST || '0.0.0.0',
  PORT: sitePort,
  CMS_URL: cmsUrl,
  SITE_WEBHOOK_SECRET: webhookSecret,
});
console.log(`[site] Trang công khai: http://localhost:${sitePort}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}
