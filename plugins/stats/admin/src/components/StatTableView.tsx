import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { formatCell, type StatTable } from '../api';

/** The numbers of a table, readable by everyone (a caption, column headers, right-aligned numbers). */
export function StatTableView({ table }: { table: StatTable }) {
  const numeric = (type: string) => type !== 'text';
  return (
    <Table colCount={table.columns.length} rowCount={table.rows.length + 1} aria-label={table.title}>
      <Thead>
        <Tr>
          {table.columns.map((column) => (
            <Th key={column.key} scope="col" style={{ whiteSpace: 'normal', verticalAlign: 'bottom' }}>
              {/* Long headers wrap instead of widening the table past the screen. */}
              <Typography variant="sigma" style={{ whiteSpace: 'normal' }}>
                {column.label}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {table.rows.length === 0 ? (
          <Tr>
            <Td colSpan={table.columns.length}>
              <Typography textColor="neutral600">Không có số liệu trong phạm vi đã chọn.</Typography>
            </Td>
          </Tr>
        ) : (
          table.rows.map((row, index) => (
            <Tr key={index}>
              {table.columns.map((column, position) => (
                <Td key={column.key} style={numeric(column.type) ? { textAlign: 'right' } : undefined}>
                  {position === 0 ? (
                    <Typography fontWeight="semiBold">{formatCell(column.type, row[column.key])}</Typography>
                  ) : (
                    <Typography>{formatCell(column.type, row[column.key])}</Typography>
                  )}
                </Td>
              ))}
            </Tr>
          ))
        )}
      </Tbody>
    </Table>
  );
}
