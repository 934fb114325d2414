// Before the browser tests: Debian's Chromium must be at /usr/bin/chromium. The decision is apart
// from the system calls so it can be tested without touching the machine's packages.
'use strict';

const CHROMIUM = '/usr/bin/chromium';
const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };

/**
 * What to do, given what the machine has: `use` it, `install` it with apt (root only), or `stop`
 * with the one command the person has to run. Never a browser download of its own (Playwright's
 * builds are unreachable here and would not be Debian's).
 */
function chromiumPlan({ present, isRoot, aptAvailable }) {
  if (present) return { action: 'use', commands: [] };
  if (isRoot && aptAvailable) {
    return {
      action: 'install',
      commands: [
        { command: 'apt-get', args: ['update', '-qq'], env: APT_ENV },
        { command: 'apt-get', args: ['install', '-y', '-qq', 'chromium'], env: APT_ENV },
      ],
    };
  }
  const command = aptAvailable ? 'sudo apt-get install -y chromium' : null;
  return {
    action: 'stop',
    commands: [],
    command,
    message: command
      ? `Các bài kiểm thử trên trình duyệt cần Chromium của Debian tại ${CHROMIUM}. Chạy lệnh sau rồi chạy lại npm test:\n\n    ${command}\n`
      : `Các bài kiểm thử trên trình duyệt cần Chromium tại ${CHROMIUM} (gói chromium của Debian), ` +
        'nhưng máy này không có apt-get. Cài Chromium bằng trình quản lý gói của hệ điều hành sao cho ' +
        `có ${CHROMIUM}, rồi chạy lại npm test.\n`,
  };
}

/**
 * Carries out the plan with the given system probes and runner (`run(command, args, env)` resolves
 * when the command succeeds). Resolves when Chromium can be used, rejects with the message otherwise.
 */
async function ensureChromium({ exists, isRoot, aptAvailable, run, log }) {
  const plan = chromiumPlan({ present: exists(CHROMIUM), isRoot: isRoot(), aptAvailable: aptAvailable() });
  if (plan.action === 'use') return plan;
  if (plan.action === 'stop') throw Object.assign(new Error(plan.message), { plan });
  log(
    '[test] Chưa có Chromium cho các bài kiểm thử trên trình duyệt: đang cài gói chromium của Debian (apt-get, 1–3 phút)…',
  );
  for (const step of plan.commands) {
    log(`[test] ${step.command} ${step.args.join(' ')}`);
    await run(step.command, step.args, step.env);
  }
  if (!exists(CHROMIUM))
    throw Object.assign(new Error(`Đã cài gói chromium nhưng không thấy ${CHROMIUM}.`), { plan });
  log(`[test] Đã cài Chromium tại ${CHROMIUM}.`);
  return plan;
}

module.exports = { CHROMIUM, chromiumPlan, ensureChromium };
