import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type ActionCode = 'approve' | 'reject' | 'request_supplement' | 'return';

export interface Countdown {
  overdue: boolean;
  overdueWorkingDays: number;
  workingDaysLeft: number | null;
}

export interface Task {
  id: number;
  workflow: string;
  workflowName: string;
  targetUid: string;
  targetDocumentId: string;
  title: string | null;
  typeName: string;
  kind: 'new' | 'edit' | 'reverification';
  round: number;
  state: 'in_review' | 'supplement_requested' | 'approved' | 'rejected' | 'cancelled';
  stage: string | null;
  stageName: string | null;
  stageIndex: number;
  stageCount: number;
  department: { id: number; name: string; code: string } | null;
  assigneeId: number | null;
  assigneeName: string | null;
  submitterName: string | null;
  submitterEmail: string | null;
  submittedAt: string;
  dueAt: string | null;
  countdown: Countdown | null;
}

export interface Template {
  id: number;
  name: string;
  action: string;
  workflow: string | null;
  subject: string;
  body: string;
}

export interface HistoryEntry {
  id: number;
  round: number;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  toState: string | null;
  comment: string | null;
  internalComment?: string | null;
  actorName?: string | null;
  late?: boolean;
  createdAt: string;
}

export interface TaskDetail {
  task: Task;
  allowedActions: ActionCode[];
  stages: { code: string; name: string; deadlineDays: number }[];
  templates: Template[];
  history: HistoryEntry[];
}

export interface Officer {
  id: number;
  name: string;
  roles: string[];
  superAdmin: boolean;
  departmentIds: number[];
  level: string | null;
}

export interface WorkflowDefinition {
  code: string;
  name: string;
  contentTypes: string[];
  stages: { code: string; name: string; roles: string[]; actions: ActionCode[]; deadlineDays: number }[];
}

export const ACTION_LABELS: Record<string, string> = {
  submit: 'Nộp hồ sơ',
  resubmit: 'Nộp lại sau bổ sung',
  approve: 'Duyệt',
  reject: 'Từ chối',
  request_supplement: 'Yêu cầu bổ sung',
  return: 'Trả về bước trước',
  cancel: 'Rút hồ sơ',
  lock: 'Khóa',
  unlock: 'Mở khóa, xác minh lại',
};

export const STATE_LABELS: Record<Task['state'], string> = {
  in_review: 'Đang xử lý',
  supplement_requested: 'Chờ bổ sung',
  approved: 'Đã duyệt',
  rejected: 'Đã từ chối',
  cancelled: 'Đã hủy',
};

export const KIND_LABELS: Record<Task['kind'], string> = {
  new: 'Đăng ký mới',
  edit: 'Đề nghị chỉnh sửa',
  reverification: 'Xác minh lại',
};

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '—';

/** "Còn 2 ngày làm việc", "Hạn hôm nay", "Quá hạn 3 ngày làm việc". */
export function countdownText(countdown: Countdown | null): string {
  if (!countdown) return '—';
  if (countdown.overdue) {
    return countdown.overdueWorkingDays > 0
      ? `Quá hạn ${countdown.overdueWorkingDays} ngày làm việc`
      : 'Quá hạn hôm nay';
  }
  if (!countdown.workingDaysLeft) return 'Hạn hôm nay';
  return `Còn ${countdown.workingDaysLeft} ngày làm việc`;
}

/** The message a person reads from a failed admin request. */
export function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return (
    response?.data?.error?.message ??
    (error instanceof Error ? error.message : 'Đã có lỗi, vui lòng thử lại.')
  );
}

/** Fills a reply template the way the server will, for the preview. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => values[key] ?? '');
}

/** GETs a path and keeps its `data`, with loading and error states and a reload. */
export function useResource<T>(path: string | null, params?: Record<string, string>) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [meta, setMeta] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(params ?? {});

  const load = useCallback(async () => {
    if (!path) return;
    setLoading(true);
    try {
      const response = await get(path, { params: JSON.parse(key) as Record<string, string> });
      const body = response.data as { data: T; meta?: Record<string, unknown> };
      setData(body.data);
      setMeta(body.meta ?? null);
      setError(null);
      setStatus(response.status ?? null);
    } catch (failure) {
      setError(errorMessage(failure));
      const fetchError = failure as {
        status?: number;
        response?: { data?: { error?: { status?: number } } };
      };
      setStatus(fetchError.status ?? fetchError.response?.data?.error?.status ?? null);
    } finally {
      setLoading(false);
    }
  }, [get, path, key]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, meta, error, status, loading, reload: load };
}
