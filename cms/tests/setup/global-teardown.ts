import fs from 'node:fs';
import { Client } from 'pg';
import { STATE_FILE, readState, withDatabase } from './environment';

export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(STATE_FILE)) return;
  const state = readState();
  if (state.postgresUrl) {
    const client = new Client({ connectionString: withDatabase(state.postgresUrl, 'postgres') });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${state.template}" WITH (FORCE)`);
    await client.end();
  }
  fs.rmSync(state.workDir, { recursive: true, force: true });
  fs.rmSync(STATE_FILE, { force: true });
}
