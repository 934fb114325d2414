import { useMemo, useState } from 'react';
import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { SECTIONS, useDownload, useResource, type DashboardMeta, type StatTable } from '../api';
import { StatChart } from '../components/StatChart';
import { StatTableView } from '../components/StatTableView';

const ALL = 'all';
const WIDE_TABLE_COLUMNS = 4;

interface Filters {
  from: string;
  to: string;
  department: string;
  commune: string;
}

const paramsOf = (filters: Filters): Record<string, string> =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '' && value !== ALL)) as Record<
    string,
    string
  >;

function StatSection({ table, params }: { table: StatTable; params: Record<string, string> }) {
  const { download, busy, error } = useDownload();
  const path = `/stats/export/${table.key}`;
  // A table of many columns takes the whole width under its chart, so that on a 1280 px screen no
  // column (the last is often "Đang quá hạn") is cut.
  const wide = table.columns.length > WIDE_TABLE_COLUMNS;
  return (
    <Box
      tag="section"
      aria-labelledby={`bang-${table.key}`}
      background="neutral0"
      padding={5}
      hasRadius
      shadow="tableShadow"
    >
      <Flex justifyContent="space-between" alignItems="flex-start" gap={3} wrap="wrap" paddingBottom={3}>
        <Typography tag="h3" variant="delta" id={`bang-${table.key}`}>
          {table.title}
        </Typography>
        <Flex gap={2}>
          <Button
            variant="tertiary"
            size="S"
            loading={busy !== null}
            onClick={() => void download(path, { ...params, format: 'csv' }, `${table.key}.csv`)}
          >
            Tải CSV
          </Button>
          <Button
            variant="secondary"
            size="S"
            loading={busy !== null}
            onClick={() => void download(path, { ...params, format: 'xlsx' }, `${table.key}.xlsx`)}
          >
            Tải XLSX
          </Button>
        </Flex>
      </Flex>
      {error && (
        <Typography role="alert" textColor="danger600">
          {error}
        </Typography>
      )}
      <Grid.Root gap={4}>
        {table.chart && (
          <Grid.Item col={wide ? 12 : 5} s={12} direction="column" alignItems="stretch">
            <StatChart table={table} />
          </Grid.Item>
        )}
        <Grid.Item col={table.chart && !wide ? 7 : 12} s={12} direction="column" alignItems="stretch">
          <StatTableView table={table} />
        </Grid.Item>
      </Grid.Root>
      {table.note && (
        <Box paddingTop={2}>
          <Typography variant="pi" textColor="neutral600">
            {table.note}
          </Typography>
        </Box>
      )}
    </Box>
  );
}

/** 'YYYY-MM-DD' ⇄ the picker's local date at midnight. */
const toDate = (day: string) => (day ? new Date(`${day}T00:00:00`) : undefined);
const toDay = (date: Date | undefined) =>
  date
    ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
    : '';

/**
 * A day picked in dd/mm/yyyy whatever the browser's language (the browser's own date input follows
 * the browser: mm/dd/yyyy on an English one).
 */
function DayPicker({ value, onChange }: { value: string; onChange: (day: string) => void }) {
  return (
    <DatePicker
      locale="vi-VN"
      value={toDate(value)}
      onChange={(date: Date | undefined) => onChange(toDay(date))}
      onClear={() => onChange('')}
      clearLabel="Xóa ngày"
      calendarLabel="Lịch"
      monthSelectLabel="Tháng"
      yearSelectLabel="Năm"
      placeholder="dd/mm/yyyy"
    />
  );
}

/** When the figures were computed (the server keeps a dashboard up to a minute), in Vietnam time. */
const computedAt = (at: string) =>
  new Date(at).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });

/** "Thống kê": every figure of the officer's departments, with filters, charts, tables and exports. */
export function Dashboard() {
  const [draft, setDraft] = useState<Filters>({ from: '', to: '', department: ALL, commune: ALL });
  const [applied, setApplied] = useState<Filters>(draft);
  const params = useMemo(() => paramsOf(applied), [applied]);
  const { data, meta, error, loading } = useResource<StatTable[], DashboardMeta>('/stats/dashboard', params);
  const sections = useMemo(() => {
    const groups = new Map<StatTable['section'], StatTable[]>();
    for (const table of data ?? []) groups.set(table.section, [...(groups.get(table.section) ?? []), table]);
    return [...groups.entries()];
  }, [data]);
  const set = (key: keyof Filters) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));

  return (
    <Box padding={8} background="neutral100">
      <Flex justifyContent="space-between" alignItems="flex-start" paddingBottom={4} wrap="wrap" gap={3}>
        <Box>
          <Typography tag="h1" variant="alpha">
            Thống kê
          </Typography>
          <Box paddingTop={1}>
            <Typography variant="epsilon" textColor="neutral600">
              {meta
                ? `Kỳ ${meta.period.from.split('-').reverse().join('/')} – ${meta.period.to
                    .split('-')
                    .reverse()
                    .join('/')} · ${
                    meta.department?.name ??
                    (meta.departments.length === 1 ? meta.departments[0].name : 'Tất cả các sở')
                  }${meta.commune ? ` · ${meta.commune.name}` : ''} · Số liệu tính lúc ${computedAt(meta.at)}`
                : 'Số liệu của các sở bạn phụ trách (QC Điều 20).'}
            </Typography>
          </Box>
        </Box>
        <Link to="bao-cao">Báo cáo năm</Link>
      </Flex>

      <Box
        tag="form"
        aria-label="Lọc thống kê"
        background="neutral0"
        padding={5}
        hasRadius
        shadow="tableShadow"
        onSubmit={(event: React.FormEvent) => {
          event.preventDefault();
          setApplied(draft);
        }}
      >
        <Flex gap={4} alignItems="flex-end" wrap="wrap">
          <Field.Root name="from">
            <Field.Label>Từ ngày</Field.Label>
            <DayPicker value={draft.from} onChange={set('from')} />
          </Field.Root>
          <Field.Root name="to">
            <Field.Label>Đến ngày</Field.Label>
            <DayPicker value={draft.to} onChange={set('to')} />
          </Field.Root>
          <Field.Root name="department">
            <Field.Label>Sở</Field.Label>
            <SingleSelect
              value={draft.department}
              onChange={(value: string | number) => set('department')(String(value))}
            >
              <SingleSelectOption value={ALL}>Tất cả sở được xem</SingleSelectOption>
              {(meta?.departments ?? []).map((d) => (
                <SingleSelectOption key={d.id} value={String(d.id)}>
                  {d.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="commune">
            <Field.Label>Xã, phường</Field.Label>
            <SingleSelect
              value={draft.commune}
              onChange={(value: string | number) => set('commune')(String(value))}
            >
              <SingleSelectOption value={ALL}>Tất cả xã, phường</SingleSelectOption>
              {(meta?.communes ?? []).map((c) => (
                <SingleSelectOption key={c.code} value={c.code}>
                  {c.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Button type="submit">Xem</Button>
        </Flex>
      </Box>

      {error && (
        <Box paddingTop={4}>
          <Typography role="alert" textColor="danger600">
            {error}
          </Typography>
        </Box>
      )}
      {loading && !data && (
        <Box paddingTop={4}>
          <Typography>Đang tải số liệu…</Typography>
        </Box>
      )}
      {sections.map(([section, tables]) => (
        <Box key={section} paddingTop={6}>
          <Typography tag="h2" variant="beta">
            {SECTIONS[section]}
          </Typography>
          <Flex direction="column" alignItems="stretch" gap={4} paddingTop={3}>
            {tables.map((table) => (
              <StatSection key={table.key} table={table} params={params} />
            ))}
          </Flex>
        </Box>
      ))}
    </Box>
  );
}
