import { useState } from 'react';
import { Badge, Button, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { unstable_useDocument, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { itemResponseSchema, type ItemResponse } from '@sgd/contracts';
import { useResource } from '../api';

/** The routes' minimum (`services/workflow.ts`), said before the request. */
const MIN_REASON = 5;

const errorMessage = (failure: unknown) =>
  (failure as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ??
  'Đã có lỗi, vui lòng thử lại.';

interface LockStateProps {
  model: string;
  documentId: string;
  collectionType: string;
  statusField: string;
  name: string;
}

function LockState({ model, documentId, collectionType, statusField, name }: LockStateProps) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { document, refetch } = unstable_useDocument({ model, documentId, collectionType });
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const locked = document?.[statusField] === 'locked';
  const verb = locked ? 'Mở khóa' : 'Khóa';

  const ask = () => {
    if (reason.trim().length < MIN_REASON) {
      setProblem(`Cần ghi rõ lý do (ít nhất ${MIN_REASON} ký tự): lý do được gửi cho chủ sở hữu.`);
      return;
    }
    setProblem(null);
    setConfirming(true);
  };

  const send = async () => {
    setSending(true);
    try {
      await post(locked ? '/workflow/unlocks' : '/workflow/locks', {
        uid: model,
        documentId,
        reason: reason.trim(),
      });
      toggleNotification({
        type: 'success',
        message: locked
          ? `Đã mở khóa ${name}: hồ sơ được xác minh lại, chủ sở hữu đã được báo qua email.`
          : `Đã khóa ${name}: nội dung đã rời trang công khai, chủ sở hữu đã được báo qua email.`,
      });
      setReason('');
      setConfirming(false);
      refetch();
    } catch (failure) {
      setConfirming(false);
      toggleNotification({ type: 'danger', message: errorMessage(failure) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex gap={2}>
        {locked ? (
          <Badge textColor="danger600" backgroundColor="danger100">
            Đang bị khóa
          </Badge>
        ) : (
          <Badge textColor="success600" backgroundColor="success100">
            Không bị khóa
          </Badge>
        )}
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {locked
          ? `Mở khóa đưa ${name} về xác minh lại theo quy trình; chủ sở hữu nhận email kèm lý do.`
          : `Khóa gỡ ${name} khỏi trang công khai; chủ sở hữu nhận email kèm lý do. Việc khóa được ghi vào lịch sử xử lý.`}
      </Typography>
      <Field.Root name="lock-reason" required error={problem ?? undefined}>
        <Field.Label>{locked ? 'Lý do mở khóa' : 'Lý do khóa'}</Field.Label>
        <Textarea
          value={reason}
          placeholder={locked ? 'Đã khắc phục vi phạm…' : 'Đăng bán hàng giả nhãn hiệu…'}
          onChange={(e: { target: { value: string } }) => setReason(e.target.value)}
        />
        <Field.Error />
      </Field.Root>
      <Button variant={locked ? 'secondary' : 'danger-light'} onClick={ask} fullWidth>
        {`${verb} ${name}`}
      </Button>
      <Dialog.Root open={confirming} onOpenChange={setConfirming}>
        <Dialog.Content>
          <Dialog.Header>{`${verb} ${name}?`}</Dialog.Header>
          <Dialog.Body>
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography>
                {locked
                  ? `${name[0].toUpperCase()}${name.slice(1)} được mở khóa và xác minh lại; chủ sở hữu nhận email với lý do:`
                  : `${name[0].toUpperCase()}${name.slice(1)} rời trang công khai ngay; chủ sở hữu nhận email với lý do:`}
              </Typography>
              <Typography fontWeight="semiBold">{reason.trim()}</Typography>
            </Flex>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">Hủy</Button>
            </Dialog.Cancel>
            <Button variant={locked ? 'default' : 'danger'} loading={sending} onClick={() => void send()}>
              {`Xác nhận ${verb.toLowerCase()}`}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Flex>
  );
}

/**
 * "Khóa chủ thể" / "Khóa sản phẩm" on the edit view of an item whose type lets officers lock it
 * (`pluginOptions.workflow.lock`, QC Điều 9): the type's name and status field come from the item's
 * workflow answer. A site user's account has its own panel (accounts plugin).
 */
export const LockPanel: PanelComponent = ({ model, documentId, collectionType }: PanelComponentProps) => {
  const path = documentId
    ? `/workflow/items/${encodeURIComponent(model)}/${encodeURIComponent(documentId)}`
    : null;
  const { meta } = useResource<ItemResponse['data']>(path, undefined, itemResponseSchema);
  const lock = (meta as ItemResponse['meta'] | null)?.lock;
  if (!documentId || !lock) return null;
  return {
    title: `Khóa ${lock.name}`,
    content: (
      <LockState
        model={model}
        documentId={documentId}
        collectionType={collectionType}
        statusField={lock.statusField}
        name={lock.name}
      />
    ),
  };
};
