import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';

const COMPLAINT_UID = 'plugin::complaints.complaint';
/** The API's minimum (`forwardInput`), said before the request. */
const MIN_MESSAGE = 10;

/** The complaint as `GET /complaints/:documentId` (admin) answers it. */
interface StaffComplaint {
  documentId: string;
  orderCode: string;
  status: string;
  statusName: string;
  history: { action: string; toName: string; actorName: string | null; message: string | null; at: string }[];
}

const errorMessage = (failure: unknown) =>
  (failure as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ??
  'Đã có lỗi, vui lòng thử lại.';

const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));

function Forwarding({ documentId }: { documentId: string }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [complaint, setComplaint] = useState<StaffComplaint | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const load = useCallback(async () => {
    try {
      const res = await get(`/complaints/${encodeURIComponent(documentId)}`);
      setComplaint((res.data as { data: StaffComplaint }).data);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [get, documentId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!complaint) return <Typography variant="pi">Đang tải…</Typography>;

  const forwarded = complaint.history.filter((event) => event.action === 'forward');
  const canForward = complaint.status === 'escalated';

  const forward = async () => {
    setSending(true);
    try {
      await post(`/complaints/${encodeURIComponent(documentId)}/forward`, { message: message.trim() });
      toggleNotification({
        type: 'success',
        message: 'Đã chuyển khiếu nại đến Hội Bảo vệ quyền lợi người tiêu dùng.',
      });
      setMessage('');
      await load();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: errorMessage(failure) });
    } finally {
      setSending(false);
    }
  };
  const tooShort = message.trim().length < MIN_MESSAGE;

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2}>
        <Badge>{complaint.statusName}</Badge>
      </Flex>
      {forwarded.map((event) => (
        <Typography key={event.at} variant="pi">
          Đã chuyển lúc {formatDateTime(event.at)}
          {event.actorName ? ` (${event.actorName})` : ''}
          {event.message ? `: ${event.message}` : ''}
        </Typography>
      ))}
      {canForward ? (
        <>
          <Field.Root
            name="forward-message"
            required
            error={fieldError ?? undefined}
            hint={`Ít nhất ${MIN_MESSAGE} ký tự; gửi kèm hồ sơ khiếu nại và lịch sử xử lý qua email.`}
          >
            <Field.Label>Nội dung chuyển Hội</Field.Label>
            <Textarea
              value={message}
              onChange={(e: { target: { value: string } }) => {
                setMessage(e.target.value);
                setFieldError(null);
              }}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          <Dialog.Root>
            <Dialog.Trigger>
              <Button
                variant="secondary"
                loading={sending}
                onClick={(event: { preventDefault(): void }) => {
                  if (tooShort) {
                    event.preventDefault();
                    setFieldError(`Hãy nhập ít nhất ${MIN_MESSAGE} ký tự.`);
                  }
                }}
              >
                Chuyển Hội Bảo vệ quyền lợi người tiêu dùng
              </Button>
            </Dialog.Trigger>
            <Dialog.Content>
              <Dialog.Header>Xác nhận chuyển khiếu nại</Dialog.Header>
              <Dialog.Body>
                <Typography>
                  Khiếu nại về đơn {complaint.orderCode} sẽ được gửi đến Hội Bảo vệ quyền lợi người tiêu dùng,
                  kèm thông tin liên hệ của người mua. Người mua và người bán được thông báo. Không thể hoàn
                  tác.
                </Typography>
              </Dialog.Body>
              <Dialog.Footer>
                <Dialog.Cancel>
                  <Button variant="tertiary">Hủy</Button>
                </Dialog.Cancel>
                <Dialog.Action>
                  <Button variant="danger-light" onClick={forward}>
                    Chuyển khiếu nại
                  </Button>
                </Dialog.Action>
              </Dialog.Footer>
            </Dialog.Content>
          </Dialog.Root>
        </>
      ) : (
        forwarded.length === 0 && (
          <Typography variant="pi">
            Chỉ chuyển được khiếu nại đang do Ban quản lý Sàn xử lý (người mua hoặc hệ thống đã chuyển lên
            Ban).
          </Typography>
        )
      )}
    </Flex>
  );
}

/** On a complaint in the content manager: forward it to the consumer protection association (QC Điều 19.8, 24). */
export const ForwardPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  if (model !== COMPLAINT_UID || !documentId) return null;
  return { title: 'Hội Bảo vệ quyền lợi người tiêu dùng', content: <Forwarding documentId={documentId} /> };
};
