import { useState, type FormEvent } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Table,
  Tbody,
  Td,
  TextInput,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { USER_UID, type SiteUser, errorMessage as message, formatDateTime as date } from '../api';

/** "Người dùng": staff find site users in their scope, see whether they are locked and why, lock or unlock. */
function UsersPage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [q, setQ] = useState('');
  const [users, setUsers] = useState<SiteUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<number, string>>({});

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    try {
      const res = await get('/accounts/users', { params: { q } });
      setUsers((res.data as { data: SiteUser[] }).data);
      setError(null);
    } catch (failure) {
      setError(message(failure));
    }
  };

  const toggleLock = async (user: SiteUser) => {
    const reason = (reasons[user.id] ?? '').trim();
    try {
      await post(user.blocked ? '/workflow/unlocks' : '/workflow/locks', {
        uid: USER_UID,
        documentId: user.documentId,
        reason,
      });
      toggleNotification({
        type: 'success',
        message: user.blocked ? 'Đã mở khóa tài khoản.' : 'Đã khóa tài khoản.',
      });
      setReasons((all) => ({ ...all, [user.id]: '' }));
      await search();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: message(failure) });
    }
  };

  return (
    <Page.Main>
      <Page.Title>Người dùng</Page.Title>
      <Box padding={8} background="neutral100">
        <Typography tag="h1" variant="alpha">
          Người dùng
        </Typography>
        <Box paddingTop={2} paddingBottom={4}>
          <Typography textColor="neutral600">
            Tìm người mua, người bán mà sở của bạn phụ trách theo họ tên, email hoặc số điện thoại.
          </Typography>
        </Box>
        <form onSubmit={search}>
          <Flex gap={2} alignItems="flex-end" paddingBottom={4}>
            <Box flex="1">
              <Field.Root name="q">
                <Field.Label>Họ tên, email hoặc số điện thoại</Field.Label>
                <TextInput value={q} onChange={(e: { target: { value: string } }) => setQ(e.target.value)} />
              </Field.Root>
            </Box>
            <Button type="submit">Tìm</Button>
          </Flex>
        </form>
        {error && (
          <Typography role="alert" textColor="danger600">
            {error}
          </Typography>
        )}
        {users && users.length === 0 && <Typography>Không tìm thấy ai.</Typography>}
        {users && users.length > 0 && (
          <Table colCount={5} rowCount={users.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">Người dùng</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Liên hệ</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Trạng thái</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Khóa, mở khóa gần nhất</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Thao tác</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {users.map((user) => (
                <Tr key={user.id}>
                  <Td>
                    <Typography fontWeight="bold">{user.fullName ?? '—'}</Typography>
                    <Typography variant="pi" textColor="neutral600" tag="p">
                      {user.role === 'seller' ? 'Người bán' : 'Người mua'} · từ {date(user.createdAt)}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography tag="p">{user.email ?? '—'}</Typography>
                    <Typography tag="p">{user.phone ?? ''}</Typography>
                  </Td>
                  <Td>
                    {user.blocked ? (
                      <Badge backgroundColor="danger100" textColor="danger700">
                        Đang bị khóa
                      </Badge>
                    ) : user.confirmed ? (
                      <Badge>Hoạt động</Badge>
                    ) : (
                      <Badge>Chưa kích hoạt</Badge>
                    )}
                  </Td>
                  <Td>
                    {user.lastLock ? (
                      <Typography variant="pi">
                        {user.lastLock.action === 'lock' ? 'Khóa' : 'Mở khóa'} {date(user.lastLock.at)}:{' '}
                        {user.lastLock.reason}
                      </Typography>
                    ) : (
                      '—'
                    )}
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="stretch" gap={1}>
                      <Textarea
                        aria-label={`Lý do ${user.blocked ? 'mở khóa' : 'khóa'} ${user.fullName ?? user.email ?? ''}`}
                        placeholder="Lý do (bắt buộc, gửi cho người dùng)"
                        value={reasons[user.id] ?? ''}
                        onChange={(e: { target: { value: string } }) =>
                          setReasons((all) => ({ ...all, [user.id]: e.target.value }))
                        }
                      />
                      <Button
                        variant={user.blocked ? 'secondary' : 'danger-light'}
                        onClick={() => toggleLock(user)}
                      >
                        {user.blocked ? 'Mở khóa' : 'Khóa tài khoản'}
                      </Button>
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Box>
    </Page.Main>
  );
}

export default UsersPage;
