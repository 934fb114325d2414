// The rules of `npm run audit:check`, apart from the npm call so they can be tested on saved reports.
'use strict';

const SERIOUS = new Set(['high', 'critical']);

/** The GHSA id of an advisory (from its URL), else npm's numeric source id as text. */
function advisoryId(via) {
  const ghsa = /GHSA-[\w-]+/i.exec(via.url || '');
  return ghsa ? ghsa[0].toUpperCase() : String(via.source);
}

/**
 * High and critical advisories in an `npm audit --json` report (npm 7+), one per advisory and
 * package: `{ id, package, severity, title, url, range, fix }`.
 */
function seriousFindings(report) {
  if (!report || typeof report !== 'object' || !report.vulnerabilities) {
    const reason = (report && (report.message || (report.error && report.error.summary))) || 'không rõ lý do';
    throw new Error(`npm audit không trả về báo cáo: ${reason}`);
  }
  const found = new Map();
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
    for (const via of vulnerability.via || []) {
      // A string names another vulnerable package this one depends on: reported under that name.
      if (typeof via === 'string' || !SERIOUS.has(via.severity)) continue;
      const id = advisoryId(via);
      found.set(`${id} ${name}`, {
        id,
        package: name,
        severity: via.severity,
        title: via.title,
        url: via.url,
        range: via.range,
        fix: vulnerability.fixAvailable,
      });
    }
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id) || a.package.localeCompare(b.package));
}

/**
 * Splits findings into those accepted by a documented exception (same advisory and package, review
 * date not passed) and those that fail the check; also lists exceptions that no longer match.
 */
function judge(findings, exceptions, today = new Date().toISOString().slice(0, 10)) {
  const key = (advisory, pkg) => `${String(advisory).toUpperCase()} ${pkg}`;
  const live = new Map();
  const expired = [];
  for (const exception of exceptions) {
    if (!exception.advisory || !exception.package || !exception.reason || !exception.review) {
      throw new Error(`Ngoại lệ thiếu advisory, package, reason hoặc review: ${JSON.stringify(exception)}`);
    }
    if (exception.review < today) expired.push(exception);
    else live.set(key(exception.advisory, exception.package), exception);
  }
  const accepted = findings.filter((f) => live.has(key(f.id, f.package)));
  const failing = findings.filter((f) => !live.has(key(f.id, f.package)));
  const matched = new Set(findings.map((f) => key(f.id, f.package)));
  const stale = exceptions.filter((e) => !matched.has(key(e.advisory, e.package)));
  return { accepted, failing, expired, stale };
}

module.exports = { seriousFindings, judge };
