import { Flex, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useResource, type TaskDetail } from '../api';
import { ActionForm } from './ActionForm';
import { History } from './History';
import { TaskSummary } from './TaskSummary';

interface PanelState {
  data: TaskDetail | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
}

function PanelContent({ data, error, loading, reload }: PanelState) {
  if (loading && !data) return <Typography variant="pi">Đang tải…</Typography>;
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) {
    return (
      <Typography variant="pi" textColor="neutral600">
        Chưa có hồ sơ nào được nộp cho mục này.
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <TaskSummary detail={data} />
      {data.task.state === 'in_review' && <ActionForm detail={data} onDone={reload} />}
      <History entries={data.history} />
    </Flex>
  );
}

/**
 * The "Quy trình duyệt" panel on the edit view: current stage and deadline, the actions this officer
 * may take with the template picker, and the history. Shown only for content types under a workflow.
 */
export const WorkflowPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const state = useResource<TaskDetail | null>(
    documentId ? `/workflow/items/${encodeURIComponent(model)}/${encodeURIComponent(documentId)}` : null,
  );
  // Not under a workflow, or not a reviewing officer (news editors): no panel.
  if (!documentId || state.meta?.bound === false || state.status === 403) return null;
  return { title: 'Quy trình duyệt', content: <PanelContent {...state} /> };
};
