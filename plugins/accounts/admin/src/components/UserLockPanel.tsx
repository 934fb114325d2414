import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { USER_UID, errorMessage, formatDateTime, type SiteUser } from '../api';

function LockState({ userId }: { userId: number }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [user, setUser] = useState<SiteUser | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const load = useCallback(async () => {
    try {
      const res = await get(`/accounts/users/${userId}`);
      setUser((res.data as { data: SiteUser }).data);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [get, userId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!user) return <Typography variant="pi">Đang tải…</Typography>;

  const toggle = async () => {
    try {
      await post(user.blocked ? '/workflow/unlocks' : '/workflow/locks', {
        uid: USER_UID,
        documentId: user.documentId,
        reason: reason.trim(),
      });
      toggleNotification({
        type: 'success',
        message: user.blocked ? 'Đã mở khóa tài khoản.' : 'Đã khóa tài khoản.',
      });
      setReason('');
      await load();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: errorMessage(failure) });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2}>
        {user.blocked ? (
          <Badge textColor="danger600" backgroundColor="danger100">
            Đã khóa
          </Badge>
        ) : (
          <Badge textColor="success600" backgroundColor="success100">
            Đang hoạt động
          </Badge>
        )}
      </Flex>
      {user.lastLock && (
        <Typography variant="pi">
          {user.lastLock.action === 'lock' ? 'Khóa' : 'Mở khóa'} lúc {formatDateTime(user.lastLock.at)}
          {user.lastLock.reason ? `: ${user.lastLock.reason}` : ''}
        </Typography>
      )}
      <Field.Root name="lock-reason" required>
        <Field.Label>{user.blocked ? 'Lý do mở khóa' : 'Lý do khóa (gửi email cho người dùng)'}</Field.Label>
        <Textarea value={reason} onChange={(e: { target: { value: string } }) => setReason(e.target.value)} />
      </Field.Root>
      <Button variant={user.blocked ? 'secondary' : 'danger-light'} onClick={toggle}>
        {user.blocked ? 'Mở khóa tài khoản' : 'Khóa tài khoản'}
      </Button>
    </Flex>
  );
}

/** The lock state of a site user on their page in the content manager, with lock and unlock (QC Điều 9). */
export const UserLockPanel: PanelComponent = ({ model, document }: PanelComponentProps) => {
  const id = (document as { id?: number } | undefined)?.id;
  if (model !== USER_UID || !id) return null;
  return { title: 'Khóa tài khoản', content: <LockState userId={id} /> };
};
