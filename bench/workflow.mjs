#!/usr/bin/env node
// Review inbox and overdue statistics at scale, on PostgreSQL.
// 1. Start the CMS on PostgreSQL once so the schema exists (npm start with DATABASE_URL set).
// 2. node bench/workflow.mjs --tasks 100000 [--url http://127.0.0.1:1337] [--samples 200]
//    Seeds synthetic tasks (and one decision per closed task) straight into wf_tasks / wf_history
//    with generate_series, logs in as ADMIN_EMAIL / ADMIN_PASSWORD, then prints the latency of the
//    inbox first page (as an officer of one department and as the super admin) and of the overdue
//    aggregate per officer and department. --tasks 1000000 for the statistics target.
// Seeded rows carry workflow 'bench' and are deleted first, so runs repeat.
import pg from 'pg';
import { arg, isMain, percentiles } from './lib.mjs';

const REQUESTS = (department) => {
  const yearAgo = new Date(Date.now() - 365 * 86400_000).toISOString().slice(0, 10);
  return [
    ['inbox first page, one department', `/workflow/tasks?departmentId=${department}&pageSize=20`],
    ['inbox first page, all (super admin)', '/workflow/tasks?pageSize=20'],
    ['inbox overdue filter', '/workflow/tasks?overdue=true&pageSize=20'],
    ['overdue per officer + department, 1 year', `/workflow/stats/overdue?from=${yearAgo}`],
  ];
};

/** Seeds `tasks` synthetic tasks, then times each request `samples` times in a row (p50/p95/p99 ms). */
export async function benchWorkflow({ base, databaseUrl, email, password, tasks = 100000, samples = 200 }) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const departments = (await db.query('SELECT id FROM departments ORDER BY id')).rows.map((r) => r.id);
  const admins = (await db.query('SELECT id FROM admin_users ORDER BY id')).rows.map((r) => r.id);
  if (departments.length === 0 || admins.length === 0)
    throw new Error('Chưa có sở hoặc cán bộ: chạy npm start trước.');

  let started = Date.now();
  await db.query("DELETE FROM wf_tasks WHERE workflow = 'bench'");
  await db.query("DELETE FROM wf_history WHERE workflow = 'bench'");
  // States: 30 % open (in review), 5 % waiting for a supplement, the rest decided. Submissions spread
  // over the last 365 days; deadlines three to five days after.
  await db.query(
    `INSERT INTO wf_tasks (document_id, workflow, target_uid, target_document_id, title, kind, round, state, stage,
       stage_index, department_id, assignee_id, submitted_at, stage_started_at, due_at, overdue, reminder_sent_at,
       closed_at,
       created_at, updated_at)
     SELECT 'bench' || g, 'bench', 'plugin::catalog.product', 'bench-' || g, 'Hồ sơ thử ' || g, 'new', 1,
       CASE WHEN g % 20 < 6 THEN 'in_review' WHEN g % 20 = 6 THEN 'supplement_requested' ELSE 'approved' END,
       'specialist_review', 0,
       ($1::int[])[1 + g % array_length($1::int[], 1)],
       CASE WHEN g % 7 = 0 THEN NULL ELSE ($2::int[])[1 + g % array_length($2::int[], 1)] END,
       now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day',
       now() - (g % 365) * interval '1 day' + interval '3 days',
       -- As the every-minute job leaves them: open tasks past due are flagged and were reminded.
       g % 20 < 6 AND g % 365 >= 3,
       CASE WHEN g % 20 < 6 AND g % 365 >= 3 THEN now() - (g % 365) * interval '1 day' + interval '2 days' END,
       CASE WHEN g % 20 > 6 THEN now() - (g % 365) * interval '1 day' + (g % 5) * interval '1 day' END,
       now(), now()
     FROM generate_series(1, $3::int) AS g`,
    [departments, admins, tasks],
  );
  await db.query(
    `INSERT INTO wf_history (document_id, task_id, workflow, target_uid, target_document_id, round, action,
       actor_admin_id, department_id, due_at, late, created_at, updated_at)
     SELECT 'bench-h' || t.id, t.id, 'bench', t.target_uid, t.target_document_id, 1, 'approve', t.assignee_id,
       t.department_id, t.due_at, t.closed_at > t.due_at, t.closed_at, now()
     FROM wf_tasks t WHERE t.workflow = 'bench' AND t.closed_at IS NOT NULL AND t.assignee_id IS NOT NULL`,
  );
  // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans rely on.
  await db.query('VACUUM ANALYZE wf_tasks');
  await db.query('VACUUM ANALYZE wf_history');
  const seeded = Date.now() - started;
  const count = (await db.query("SELECT count(*)::int AS n FROM wf_tasks WHERE workflow = 'bench'")).rows[0]
    .n;
  await db.end();

  const login = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.json());
  const token = login.data?.token;
  if (!token) throw new Error(`Không đăng nhập được: ${JSON.stringify(login)}`);

  async function time(path) {
    const latencies = [];
    for (let i = 0; i < samples; i += 1) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
    }
    return percentiles(latencies);
  }

  const rows = [];
  for (const [label, path] of REQUESTS(departments[0])) rows.push({ label, path, ...(await time(path)) });
  return { tasks: count, seededSeconds: Number((seeded / 1000).toFixed(1)), samples, rows };
}

if (isMain(import.meta.url)) {
  const base = arg('url', process.env.CMS_URL || 'http://127.0.0.1:1337');
  const tasks = Number(arg('tasks', 100000));
  const samples = Number(arg('samples', 200));
  const databaseUrl = process.env.DATABASE_URL;
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!databaseUrl || !email || !password) {
    console.error('Cần DATABASE_URL (PostgreSQL), ADMIN_EMAIL và ADMIN_PASSWORD của CMS đang chạy.');
    process.exit(2);
  }
  const result = await benchWorkflow({ base, databaseUrl, email, password, tasks, samples });
  console.log(
    `PostgreSQL, ${result.tasks.toLocaleString('en')} synthetic tasks seeded in ${result.seededSeconds} s; ${samples} sequential requests each`,
  );
  console.log('request'.padEnd(44), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
  for (const r of result.rows)
    console.log(r.label.padEnd(44), String(r.p50).padStart(8), String(r.p95).padStart(8));
}
