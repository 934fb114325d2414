import { Box, Flex, Typography } from '@strapi/design-system';
import { ACTION_LABELS, formatDateTime, type HistoryEntry } from '../api';

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
            {formatDateTime(entry.createdAt)} · lượt {entry.round}
            {entry.late ? ' · trễ hạn' : ''}
          </Typography>
          <Typography tag="p" fontWeight="semiBold">
            {ACTION_LABELS[entry.action] ?? entry.action}
            {entry.actorName ? ` — ${entry.actorName}` : ''}
          </Typography>
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
