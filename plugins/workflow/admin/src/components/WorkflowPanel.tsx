import { useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { itemResponseSchema } from '@sgd/contracts';
import { errorMessage, useResource, type TaskDetail } from '../api';
import { ActionForm } from './ActionForm';
import { History } from './History';
import { TaskSummary } from './TaskSummary';

interface PanelState {
  data: TaskDetail | null;
  error: string | null;
  loading: boolean;
  canSubmit: boolean;
  submit: () => Promise<void>;
  submitting: boolean;
  reload: () => Promise<void>;
}

function PanelContent({ data, error, loading, canSubmit, submit, submitting, reload }: PanelState) {
  if (loading && !data) return <Typography variant="pi">Đang tải…</Typography>;
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  const sendButton = canSubmit && (
    <Button onClick={submit} loading={submitting} fullWidth>
      Gửi duyệt
    </Button>
  );
  if (!data) {
    return (
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="pi" textColor="neutral600">
          {canSubmit
            ? 'Nội dung chỉ được đăng sau khi lãnh đạo duyệt. Lưu bản nháp rồi gửi duyệt.'
            : 'Chưa có hồ sơ nào được nộp cho mục này.'}
        </Typography>
        {sendButton}
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <TaskSummary detail={data} />
      {sendButton}
      {data.task.state === 'in_review' && <ActionForm detail={data} onDone={reload} />}
      <History entries={data.history} />
    </Flex>
  );
}

/**
 * The "Quy trình duyệt" panel on the edit view: current stage and deadline, the actions this officer
 * may take with the template picker, the history, and — for content officers write (news, legal
 * documents) — sending it for review. Shown only for content types under a workflow.
 */
export const WorkflowPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [submitting, setSubmitting] = useState(false);
  const path = documentId
    ? `/workflow/items/${encodeURIComponent(model)}/${encodeURIComponent(documentId)}`
    : null;
  const state = useResource<TaskDetail | null>(path, undefined, itemResponseSchema);
  // Not under a workflow, or not a reviewing officer: no panel.
  if (!documentId || state.meta?.bound === false || state.status === 403) return null;
  const submit = async () => {
    setSubmitting(true);
    try {
      await post(`${path}/submit`);
      toggleNotification({ type: 'success', message: 'Đã gửi duyệt. Hồ sơ đã vào Hộp duyệt của lãnh đạo.' });
      await state.reload();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: errorMessage(failure) });
    } finally {
      setSubmitting(false);
    }
  };
  return {
    title: 'Quy trình duyệt',
    content: (
      <PanelContent
        {...state}
        canSubmit={state.meta?.canSubmit === true}
        submit={submit}
        submitting={submitting}
      />
    ),
  };
};
