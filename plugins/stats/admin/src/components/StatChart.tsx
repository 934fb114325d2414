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

/** Width of the names beside horizontal bars, and the characters that fit in it at 11 px. */
const LABEL_WIDTH = 170;
const LABEL_CHARACTERS = 28;
const shorten = (label: string) =>
  label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1).trimEnd()}…` : label;

/** Room for one bar group, so that the names on the left never touch each other. */
const ROW_HEIGHT = 28;

/** The chart of a table; decorative for screen readers, which read the table beside it. */
export function StatChart({ table, height: fixedHeight }: { table: StatTable; height?: number }) {
  const chart = table.chart;
  if (!chart || table.rows.length === 0) return null;
  const height =
    fixedHeight ??
    (chart.kind === 'bar'
      ? Math.max(200, table.rows.length * ROW_HEIGHT * Math.max(1, chart.values.length / 2) + 70)
      : 260);
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
            <XAxis dataKey={chart.label} interval="preserveStartEnd" minTickGap={12} />
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
          // Bars lie horizontally with the names on the left: long Vietnamese names (categories,
          // departments, statuses) are read whole instead of overlapping under the axis.
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis
              type="category"
              dataKey={chart.label}
              width={LABEL_WIDTH}
              interval={0}
              tick={{ fontSize: 11 }}
              tickFormatter={shorten}
            />
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
