/**
 * Another province adopts the exchange by changing `config` (and the demo data): what the code shows
 * of the province — the site's footer and description, its structured data, the open data's
 * publisher, the examples in the officers' forms — is read from here, never written in the code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { administrativeUnits, EXAMPLE_COMMUNE, EXCHANGE, EXCHANGE_MANAGER } from '..';

const root = path.resolve(__dirname, '../../..');
/** The code of the framework, the province's CMS and the site (the demo-data loader aside). */
const CODE = ['plugins', 'cms/src', 'site/src', 'contracts/src'];
const SKIPPED = new Set(['node_modules', 'dist', '__tests__', 'seed']);

function* sources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.(ts|tsx|astro|mjs|js)$/.test(entry.name)) yield full;
  }
}

describe('what the code says of the province', () => {
  it('is read from config: the province, its web domain and its communes are named nowhere else', () => {
    const names = [
      EXCHANGE.region,
      EXCHANGE.domain,
      ...administrativeUnits.filter((unit) => unit.level === 'commune').map((unit) => unit.name),
    ];
    const found: string[] = [];
    for (const dir of CODE) {
      for (const file of sources(path.join(root, dir))) {
        const text = fs.readFileSync(file, 'utf8');
        for (const name of names)
          if (text.includes(name)) found.push(`${path.relative(root, file)}: ${name}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('gives the examples of the forms and the manager from the same data', () => {
    expect(EXCHANGE.name.endsWith(EXCHANGE.province)).toBe(true);
    expect(EXCHANGE.province.endsWith(EXCHANGE.region)).toBe(true);
    expect(EXCHANGE_MANAGER.code).toBe(EXCHANGE.managerCode);
    expect(EXCHANGE_MANAGER.email.endsWith(`@${EXCHANGE.domain}`)).toBe(true);
    const commune = administrativeUnits.find((unit) => unit.name === EXAMPLE_COMMUNE);
    expect(commune).toMatchObject({ level: 'commune', effectiveTo: null });
  });
});
