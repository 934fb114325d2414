export interface Finding {
  id: string;
  package: string;
  severity: 'high' | 'critical';
  title?: string;
  url?: string;
  range?: string;
  fix?: unknown;
}
export interface Exception {
  advisory: string;
  package: string;
  reason?: string;
  review?: string;
}
export function seriousFindings(report: unknown): Finding[];
export function judge(
  findings: Finding[],
  exceptions: Exception[],
  today?: string,
): { accepted: Finding[]; failing: Finding[]; expired: Exception[]; stale: Exception[] };
