import { useMemo, useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { useDownload, useResource, type Named, type YearlyReport } from '../api';
import { StatTableView } from '../components/StatTableView';

const ALL = 'all';
const CURRENT_YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
);
const YEARS = Array.from({ length: CURRENT_YEAR - 2019 }, (_, i) => CURRENT_YEAR - i);

/** Hides the admin's menus when printing: only the report goes on paper. */
const PRINT_CSS = `
@media print {
  nav, header, aside, .sgd-no-print { display: none !important; }
  body, main, .sgd-report { background: #fff !important; }
  .sgd-report section { break-inside: avoid; }
}`;

/** The yearly e-commerce report of a department: a printable page and an XLSX workbook. */
export function Report() {
  const [year, setYear] = useState(String(CURRENT_YEAR));
  const [department, setDepartment] = useState(ALL);
  const params = useMemo(
    () => ({ year, ...(department === ALL ? {} : { department }) }) as Record<string, string>,
    [year, department],
  );
  const { data, meta, error, loading } = useResource<YearlyReport, { departments: Named[] }>(
    '/stats/report',
    params,
  );
  const { download, busy, error: downloadError } = useDownload();

  return (
    <Box padding={8} background="neutral0" className="sgd-report">
      <style>{PRINT_CSS}</style>
      <Flex className="sgd-no-print" gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={6}>
        <Link to="..">← Thống kê</Link>
        <Field.Root name="year">
          <Field.Label>Năm báo cáo</Field.Label>
          <SingleSelect value={year} onChange={(value: string | number) => setYear(String(value))}>
            {YEARS.map((y) => (
              <SingleSelectOption key={y} value={String(y)}>
                {y}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="department">
          <Field.Label>Sở</Field.Label>
          <SingleSelect
            value={department}
            onChange={(value: string | number) => setDepartment(String(value))}
          >
            <SingleSelectOption value={ALL}>Tất cả sở được xem</SingleSelectOption>
            {(meta?.departments ?? []).map((d) => (
              <SingleSelectOption key={d.id} value={String(d.id)}>
                {d.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Button variant="secondary" onClick={() => window.print()} disabled={!data}>
          In báo cáo
        </Button>
        <Button
          loading={busy !== null}
          onClick={() =>
            void download('/stats/report/xlsx', params, `bao-cao-thuong-mai-dien-tu-${year}.xlsx`)
          }
        >
          Tải báo cáo XLSX
        </Button>
      </Flex>
      {(error || downloadError) && (
        <Typography role="alert" textColor="danger600">
          {error ?? downloadError}
        </Typography>
      )}
      {loading && !data && <Typography>Đang lập báo cáo…</Typography>}
      {data && (
        <article aria-labelledby="tieu-de-bao-cao">
          <Typography tag="h1" variant="alpha" id="tieu-de-bao-cao">
            {data.title}
          </Typography>
          <Box paddingTop={2} paddingBottom={4}>
            {data.info.map(([label, value]) => (
              <Typography key={label} tag="p" textColor="neutral700">
                {label}: {value}
              </Typography>
            ))}
          </Box>
          {[data.summary, ...data.details].map((table) => (
            <Box key={table.key} tag="section" paddingTop={4} aria-labelledby={`bao-cao-${table.key}`}>
              <Typography tag="h2" variant="delta" id={`bao-cao-${table.key}`}>
                {table.key === 'yearly-report' ? 'Các chỉ tiêu chính' : table.title}
              </Typography>
              <Box paddingTop={2}>
                <StatTableView table={table} />
              </Box>
            </Box>
          ))}
        </article>
      )}
    </Box>
  );
}
