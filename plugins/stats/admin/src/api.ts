import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type ColumnType = 'text' | 'integer' | 'decimal' | 'number' | 'month' | 'date';
export type Cell = string | number | null;

export interface StatTable {
  key: string;
  title: string;
  section: 'sellers' | 'products' | 'licences' | 'submissions' | 'orders' | 'feedback' | 'report';
  columns: { key: string; label: string; type: ColumnType }[];
  rows: Record<string, Cell>[];
  chart?: { kind: 'bar' | 'pie' | 'line'; label: string; values: string[] };
  note?: string;
}

export interface Named {
  id: number;
  name: string;
}

export interface DashboardMeta {
  period: { from: string; to: string };
  departments: Named[];
  department: Named | null;
  commune: { code: string; name: string } | null;
  communes: { code: string; name: string }[];
  at: string;
}

export interface YearlyReport {
  title: string;
  info: [string, string][];
  summary: StatTable;
  details: StatTable[];
}

export const SECTIONS: Record<StatTable['section'], string> = {
  sellers: 'Chủ thể kinh doanh',
  products: 'Sản phẩm',
  licences: 'Giấy phép, chứng nhận',
  submissions: 'Kiểm duyệt hồ sơ',
  orders: 'Đơn hàng',
  feedback: 'Đánh giá và khiếu nại',
  report: 'Báo cáo',
};

const numbers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A cell as a person reads it: 1.234, 2,5, 03/2026, 31/12/2026. */
export function formatCell(type: ColumnType, value: Cell | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return numbers.format(value);
  if (type === 'month') return `${value.slice(5, 7)}/${value.slice(0, 4)}`;
  if (type === 'date') return value.split('-').reverse().join('/');
  return value;
}

/** The message a person reads from a failed admin request. */
export function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return (
    response?.data?.error?.message ??
    (error instanceof Error ? error.message : 'Đã có lỗi, vui lòng thử lại.')
  );
}

/** GETs a path and keeps its `data` and `meta`, with loading and error states. */
export function useResource<T, M = Record<string, unknown>>(path: string, params: Record<string, string>) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [meta, setMeta] = useState<M | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(params);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const response = await get(path, { params: JSON.parse(key) as Record<string, string> });
      const body = response.data as { data: T; meta?: M };
      setData(body.data);
      setMeta(body.meta ?? null);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoading(false);
    }
  }, [get, path, key]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, meta, error, loading };
}

/** Downloads a file from an admin route (with the session) and hands it to the browser. */
export function useDownload() {
  const { get } = useFetchClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = useCallback(
    async (path: string, params: Record<string, string>, fallbackName: string) => {
      setBusy(path + JSON.stringify(params));
      setError(null);
      try {
        const response = await get(path, { params, responseType: 'blob' });
        const disposition = response.headers?.get('content-disposition') ?? '';
        const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
        const name = encoded ? decodeURIComponent(encoded) : fallbackName;
        const url = URL.createObjectURL(response.data);
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch (failure) {
        setError(errorMessage(failure));
      } finally {
        setBusy(null);
      }
    },
    [get],
  );
  return { download, busy, error };
}
