import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  TASK_STATES,
  WORKFLOW_ACTIONS,
  type Countdown,
  type TaskState,
  type WorkflowAction,
} from '@sgd/contracts';
import type { ZodType } from 'zod';

export type {
  Countdown,
  DefinitionProblem,
  DefinitionView,
  DefinitionsMeta,
  HistoryEntry,
  RoutingRule,
  StageTemplate,
  TaskDetail,
  TaskView as Task,
  TemplateView as Template,
  WorkflowAction as ActionCode,
  WorkflowBinding,
  WorkflowDefinition,
  WorkflowStage,
} from '@sgd/contracts';

export interface Officer {
  id: number;
  name: string;
  roles: string[];
  superAdmin: boolean;
  departmentIds: number[];
  level: string | null;
}

/** The officers' actions in Vietnamese (one list, shared with the CMS). */
export const ACTION_NAMES = Object.fromEntries(WORKFLOW_ACTIONS.map((a) => [a.code, a.name])) as Record<
  WorkflowAction,
  string
>;
export const STATE_LABELS = Object.fromEntries(TASK_STATES.map((s) => [s.code, s.name])) as Record<
  TaskState,
  string
>;

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '—';
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(iso)) : '—');

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

interface FailureBody {
  error?: { message?: string; details?: { errors?: { path: string[]; message: string }[] } };
}
const failureBody = (error: unknown): FailureBody | undefined =>
  (error as { response?: { data?: FailureBody } }).response?.data;

/** The message a person reads from a failed admin request. */
export function errorMessage(error: unknown): string {
  return (
    failureBody(error)?.error?.message ??
    (error instanceof Error ? error.message : 'Đã có lỗi, vui lòng thử lại.')
  );
}

/** The problems of a refused request, by field path (`stages.1.deadlineDays`). */
export function fieldErrors(error: unknown): Record<string, string> {
  const errors = failureBody(error)?.error?.details?.errors ?? [];
  return Object.fromEntries(errors.map((problem) => [problem.path.join('.'), problem.message]));
}

/** Fills a reply template the way the server will, for the preview. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * GETs a path and keeps its `data` (and `meta`), with loading and error states and a reload. With a
 * schema, the answer is checked against the shared contract: an answer of another shape is an error
 * a person reads, not a blank screen.
 */
export function useResource<T>(path: string | null, params?: Record<string, string>, schema?: ZodType) {
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
      const body = (schema ? schema.parse(response.data) : response.data) as {
        data: T;
        meta?: Record<string, unknown>;
      };
      setData(body.data);
      setMeta(body.meta ?? null);
      setError(null);
      setStatus(response.status ?? null);
    } catch (failure) {
      setError(
        (failure as { name?: string }).name === 'ZodError'
          ? 'Dữ liệu máy chủ trả về không đúng định dạng. Hãy tải lại trang.'
          : errorMessage(failure),
      );
      const fetchError = failure as {
        status?: number;
        response?: { data?: { error?: { status?: number } } };
      };
      setStatus(fetchError.status ?? fetchError.response?.data?.error?.status ?? null);
    } finally {
      setLoading(false);
    }
  }, [get, path, key, schema]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, meta, error, status, loading, reload: load };
}
