import { Badge, Flex, Typography } from '@strapi/design-system';
import { STATE_LABELS, countdownText, formatDateTime, type TaskDetail } from '../api';

export function TaskSummary({ detail }: { detail: TaskDetail }) {
  const { task, stages } = detail;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Flex gap={2} wrap="wrap">
        <Badge active={task.state === 'in_review'}>{STATE_LABELS[task.state]}</Badge>
        <Badge>{task.kindName}</Badge>
        {task.countdown?.overdue && (
          <Badge textColor="danger600" backgroundColor="danger100">
            Quá hạn
          </Badge>
        )}
      </Flex>
      <Typography variant="pi">
        {task.workflowName} (phiên bản {task.workflowVersion}): bước {task.stageIndex + 1}/{stages.length} —{' '}
        {task.stageName}
      </Typography>
      {task.state === 'in_review' && (
        <Typography variant="pi">
          Hạn xử lý: {formatDateTime(task.dueAt)} ({countdownText(task.countdown)})
        </Typography>
      )}
      <Typography variant="pi">Người xử lý: {task.assigneeName ?? 'chưa có'}</Typography>
      <Typography variant="pi">
        Người nộp: {task.submitterName ?? '—'}
        {task.submitterEmail ? ` <${task.submitterEmail}>` : ''} · nộp lúc {formatDateTime(task.submittedAt)}
      </Typography>
    </Flex>
  );
}
