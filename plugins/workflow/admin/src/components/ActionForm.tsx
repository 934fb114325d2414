import { useMemo, useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { ACTION_NAMES, errorMessage, fillTemplate, type ActionCode, type TaskDetail } from '../api';

const NEEDS_REASON: ActionCode[] = ['reject', 'request_supplement', 'return'];

interface Props {
  detail: TaskDetail;
  onDone: () => void;
}

/** The officer's decision on a task: action, reply template, reason for the submitter, internal note. */
export function ActionForm({ detail, onDone }: Props) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { task, allowedActions, templates } = detail;
  const [action, setAction] = useState<ActionCode | ''>(allowedActions[0] ?? '');
  const [templateId, setTemplateId] = useState<string>('');
  const [comment, setComment] = useState('');
  const [internalComment, setInternalComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lastStage = task.stageIndex >= task.stageCount - 1;
  // Moving to another stage sends no email, so no template.
  const emails =
    action !== '' && action !== 'return' && action !== 'forward' && (action !== 'approve' || lastStage);
  const choices = useMemo(() => templates.filter((t) => t.action === action), [templates, action]);
  const template = choices.find((t) => String(t.id) === templateId);

  if (allowedActions.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        Bạn không có thao tác nào ở bước này.
      </Typography>
    );
  }

  const claim = async () => {
    setBusy(true);
    try {
      await post(`/workflow/tasks/${task.id}/claim`);
      toggleNotification({ type: 'success', message: 'Đã nhận xử lý hồ sơ.' });
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!action) return;
    if (NEEDS_REASON.includes(action) && comment.trim().length < 5) {
      setError('Cần ghi rõ lý do (ít nhất 5 ký tự).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await post(`/workflow/tasks/${task.id}/actions`, {
        action,
        comment: comment.trim() || null,
        internalComment: internalComment.trim() || null,
        templateId: emails && template ? template.id : null,
      });
      toggleNotification({ type: 'success', message: `Đã thực hiện: ${ACTION_NAMES[action]}.` });
      setComment('');
      setInternalComment('');
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {task.assigneeId === null && (
        <Button variant="secondary" onClick={claim} disabled={busy}>
          Nhận xử lý
        </Button>
      )}
      <Field.Root name="action">
        <Field.Label>Thao tác</Field.Label>
        <SingleSelect
          aria-label="Thao tác"
          value={action}
          onChange={(value: string | number) => {
            setAction(value as ActionCode);
            setTemplateId('');
          }}
        >
          {allowedActions.map((code) => (
            <SingleSelectOption key={code} value={code}>
              {code === 'approve' && !lastStage ? 'Duyệt, chuyển bước tiếp theo' : ACTION_NAMES[code]}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      {emails && choices.length > 0 && (
        <Field.Root name="template" hint="Thư gửi người nộp hồ sơ dùng mẫu này.">
          <Field.Label>Mẫu trả lời</Field.Label>
          <SingleSelect
            aria-label="Mẫu trả lời"
            placeholder="Mẫu mặc định"
            value={templateId}
            onChange={(value: string | number) => setTemplateId(String(value))}
          >
            {choices.map((t) => (
              <SingleSelectOption key={t.id} value={String(t.id)}>
                {t.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
      )}
      <Field.Root name="comment" required={action !== '' && NEEDS_REASON.includes(action)}>
        <Field.Label>
          {action !== '' && NEEDS_REASON.includes(action) ? 'Lý do (gửi người nộp)' : 'Ghi chú gửi người nộp'}
        </Field.Label>
        <Textarea
          aria-label="Lý do"
          value={comment}
          onChange={(e: { target: { value: string } }) => setComment(e.target.value)}
        />
      </Field.Root>
      <Field.Root name="internalComment" hint="Chỉ cán bộ xem được.">
        <Field.Label>Ghi chú nội bộ</Field.Label>
        <Textarea
          aria-label="Ghi chú nội bộ"
          value={internalComment}
          onChange={(e: { target: { value: string } }) => setInternalComment(e.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      {emails && template && (
        <Box background="neutral100" padding={3} hasRadius>
          <Typography variant="sigma">Xem trước thư</Typography>
          <Typography tag="p" fontWeight="bold">
            {fillTemplate(template.subject, {
              submitterName: task.submitterName ?? '',
              itemTitle: task.title ?? '',
            })}
          </Typography>
          <Typography tag="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
            {fillTemplate(template.body, {
              submitterName: task.submitterName ?? 'Quý vị',
              itemTitle: task.title ?? '',
              reason: comment,
              reasonLine: comment ? `\nGhi chú: ${comment}` : '',
            })}
          </Typography>
        </Box>
      )}
      {error && (
        <Typography role="alert" textColor="danger600">
          {error}
        </Typography>
      )}
      <Button onClick={submit} loading={busy} disabled={!action}>
        Thực hiện
      </Button>
    </Flex>
  );
}
