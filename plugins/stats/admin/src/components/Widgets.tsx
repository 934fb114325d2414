import { Box, Flex, Typography } from '@strapi/design-system';
import { formatCell, useResource, type DashboardMeta, type StatTable } from '../api';
import { StatChart } from './StatChart';

function useTables() {
  return useResource<StatTable[], DashboardMeta>('/stats/dashboard', {});
}

const total = (table: StatTable | undefined, key: string) =>
  (table?.rows ?? []).reduce((sum, row) => sum + Number(row[key] ?? 0), 0);

function State({ error, loading }: { error: string | null; loading: boolean }) {
  if (error)
    return (
      <Typography role="alert" textColor="danger600">
        {error}
      </Typography>
    );
  return loading ? <Typography>Đang tải…</Typography> : null;
}

/** Homepage widget: what needs doing (submissions past deadline, licences expiring, sellers waiting). */
export function WorkloadWidget() {
  const { data, error, loading } = useTables();
  if (!data) return <State error={error} loading={loading} />;
  const byKey = new Map(data.map((t) => [t.key, t]));
  const figures: [string, number][] = [
    ['Hồ sơ đang quá hạn', total(byKey.get('submissions-by-department'), 'overdueOpen')],
    ['Hồ sơ nhận từ đầu năm', total(byKey.get('submissions-by-department'), 'received')],
    [
      'Chủ thể chờ xác minh',
      Number(byKey.get('sellers-by-status')?.rows.find((r) => r.status === 'Chờ xác minh')?.count ?? 0),
    ],
    ['Giấy phép hết hạn trong 30 ngày', total(byKey.get('licences-expiring'), 'within30')],
    ['Giấy phép hết hạn trong 90 ngày', total(byKey.get('licences-expiring'), 'within90')],
  ];
  return (
    <Flex tag="dl" direction="column" alignItems="stretch" gap={2}>
      {figures.map(([label, value]) => (
        <Flex key={label} justifyContent="space-between">
          <Typography tag="dt">{label}</Typography>
          <Typography tag="dd" fontWeight="bold">
            {formatCell('integer', value)}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
}

/** Homepage widget: orders by month this year, as a chart with its numbers. */
export function OrdersWidget() {
  const { data, error, loading } = useTables();
  if (!data) return <State error={error} loading={loading} />;
  const table = data.find((t) => t.key === 'orders-by-month');
  if (!table || table.rows.length === 0)
    return <Typography textColor="neutral600">Chưa có đơn hàng trong năm.</Typography>;
  return (
    <Box>
      <StatChart table={table} height={180} />
      <Typography variant="pi" textColor="neutral600">
        {table.rows
          .map((row) => `${formatCell('month', row.month)}: ${formatCell('integer', row.total)} đơn`)
          .join(' · ')}
      </Typography>
    </Box>
  );
}
