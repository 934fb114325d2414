import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell as Slice,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCell, type StatTable } from '../api';

/** Colours distinguishable by most colour-blind readers (Okabe–Ito). */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** The chart of a table; decorative for screen readers, which read the table beside it. */
export function StatChart({ table, height = 260 }: { table: StatTable; height?: number }) {
  const chart = table.chart;
  if (!chart || table.rows.length === 0) return null;
  const labelColumn = table.columns.find((c) => c.key === chart.label);
  const data = table.rows.map((row) => ({
    ...row,
    [chart.label]: formatCell(labelColumn?.type ?? 'text', row[chart.label]),
  }));
  const nameOf = (key: string) => table.columns.find((c) => c.key === key)?.label ?? key;

  return (
    <div aria-hidden="true" style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        {chart.kind === 'pie' ? (
          <PieChart>
            <Pie
              data={data}
              dataKey={chart.values[0]}
              nameKey={chart.label}
              outerRadius="75%"
              isAnimationActive={false}
            >
              {data.map((row, index) => (
                <Slice key={String(row[chart.label])} fill={PALETTE[index % PALETTE.length]} />
              ))}
            </Pie>
            <Tooltip />
            <Legend />
          </PieChart>
        ) : chart.kind === 'line' ? (
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey={chart.label} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {chart.values.map((key, index) => (
              <Line
                key={key}
                dataKey={key}
                name={nameOf(key)}
                stroke={PALETTE[index % PALETTE.length]}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            {/* Slanted labels: Vietnamese category names are long and would overlap. */}
            <XAxis
              dataKey={chart.label}
              interval={0}
              angle={-25}
              textAnchor="end"
              height={70}
              tick={{ fontSize: 11 }}
            />
            <YAxis allowDecimals={false} />
            <Tooltip />
            {chart.values.length > 1 && <Legend />}
            {chart.values.map((key, index) => (
              <Bar
                key={key}
                dataKey={key}
                name={nameOf(key)}
                fill={PALETTE[index % PALETTE.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
