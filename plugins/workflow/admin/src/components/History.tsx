import { Box, Flex, Typography } from '@strapi/design-system';
import { formatDateTime, type HistoryEntry } from '../api';

/** Where an entry moved the task, in stage names: "Chuyên viên thẩm định → Lãnh đạo phòng duyệt". */
const movement = (entry: HistoryEntry) =>
  entry.fromStageName && entry.toStageName && entry.fromStageName !== entry.toStageName
    ? `${entry.fromStageName} → ${entry.toStageName}`
    : (entry.toStageName ?? entry.fromStageName);

/** The history timeline: each round, each action, who, when, the reason and the internal note. */
export function History({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ol" aria-label="Lịch sử xử lý">
      {entries.map((entry) => (
        <Box
          key={entry.id}
          tag="li"
          paddingLeft={3}
          style={{ borderLeft: '2px solid #dcdce4', listStyle: 'none' }}
        >
          <Typography variant="pi" textColor="neutral600">
            {formatDateTime(entry.createdAt)}
            {entry.round ? ` · lượt ${entry.round}` : ''}
            {entry.workflowVersion ? ` · quy trình phiên bản ${entry.workflowVersion}` : ''}
            {entry.late ? ' · trễ hạn' : ''}
          </Typography>
          <Typography tag="p" fontWeight="semiBold">
            {entry.actionName}
            {entry.actorName ? ` — ${entry.actorName}` : ''}
          </Typography>
          {movement(entry) && (
            <Typography tag="p" variant="pi">
              {movement(entry)}
            </Typography>
          )}
          {entry.comment && <Typography tag="p">“{entry.comment}”</Typography>}
          {entry.internalComment && (
            <Typography tag="p" variant="pi" textColor="neutral600">
              Nội bộ: {entry.internalComment}
            </Typography>
          )}
        </Box>
      ))}
    </Flex>
  );
}
