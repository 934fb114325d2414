import { useEffect, useState, type FormEvent } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Page, useFetchClient } from '@strapi/strapi/admin';

/** One group of `GET /sellers/licences/expiring`. */
interface CommuneGroup {
  commune: { code: string; name: string } | null;
  count: number;
  licences: {
    documentId: string;
    typeName: string;
    number: string;
    issuer: string;
    expiresOn: string;
    daysLeft: number;
    ocopStars: number | null;
    notified: { days60: boolean; days30: boolean };
    seller: { documentId: string; name: string; phone: string | null; email: string | null };
    department: { name: string } | null;
  }[];
}
interface Answer {
  data: CommuneGroup[];
  meta: { today: string; until: string; total: number; truncated: boolean };
}

const LICENCE_UID = 'plugin::sellers.licence';
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const failureMessage = (failure: unknown) =>
  (failure as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ??
  'Đã có lỗi, vui lòng thử lại.';

/** "Giấy phép sắp hết hạn": the verified licences of my departments expiring soon, by commune. */
function ExpiringLicencesPage() {
  const { get } = useFetchClient();
  const [days, setDays] = useState('60');
  const [commune, setCommune] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (event?: FormEvent) => {
    event?.preventDefault();
    try {
      const params: Record<string, string> = { days };
      if (commune.trim()) params.commune = commune.trim();
      const res = await get('/sellers/licences/expiring', { params });
      setAnswer(res.data as Answer);
      setError(null);
    } catch (failure) {
      setError(failureMessage(failure));
    }
  };

  useEffect(() => {
    // Loads once on opening; later loads follow the form.
    void load();
  }, []);

  return (
    <Page.Main>
      <Page.Title>Giấy phép sắp hết hạn</Page.Title>
      <Box padding={8} background="neutral100">
        <Typography tag="h1" variant="alpha">
          Giấy phép sắp hết hạn
        </Typography>
        <Box paddingTop={2} paddingBottom={4}>
          <Typography textColor="neutral600">
            Giấy phép, chứng nhận đã xác thực của các chủ thể thuộc sở của bạn sắp hết hạn, theo xã, phường.
            Sàn tự gửi thư cho chủ thể 60 và 30 ngày trước ngày hết hạn.
          </Typography>
        </Box>
        <form onSubmit={load}>
          <Flex gap={2} alignItems="flex-end" paddingBottom={4}>
            <Field.Root name="days">
              <Field.Label>Hết hạn trong</Field.Label>
              <SingleSelect value={days} onChange={(value: string | number) => setDays(String(value))}>
                {['30', '60', '90', '180', '365'].map((value) => (
                  <SingleSelectOption key={value} value={value}>
                    {value} ngày tới
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name="commune">
              <Field.Label>Mã xã, phường (không bắt buộc)</Field.Label>
              <TextInput
                value={commune}
                onChange={(e: { target: { value: string } }) => setCommune(e.target.value)}
              />
            </Field.Root>
            <Button type="submit">Xem</Button>
          </Flex>
        </form>
        {error && (
          <Typography role="alert" textColor="danger600">
            {error}
          </Typography>
        )}
        {answer && (
          <Box paddingBottom={4}>
            <Typography tag="p" role="status">
              {answer.meta.total} giấy phép hết hạn từ {vnDate(answer.meta.today)} đến{' '}
              {vnDate(answer.meta.until)}
              {answer.meta.truncated && ' (chỉ hiện một phần: hãy lọc theo xã, phường)'}.
            </Typography>
          </Box>
        )}
        {answer?.data.map((group) => (
          <Box key={group.commune?.code ?? 'none'} paddingBottom={6}>
            <Typography tag="h2" variant="beta">
              {group.commune ? `${group.commune.name} (${group.commune.code})` : 'Chưa khai báo xã, phường'} —{' '}
              {group.count}
            </Typography>
            <Table colCount={5} rowCount={group.licences.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">Chủ thể</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Giấy phép</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Hết hạn</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Đã báo chủ thể</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Liên hệ</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {group.licences.map((licence) => (
                  <Tr key={licence.documentId}>
                    <Td>
                      <Typography fontWeight="bold">{licence.seller.name}</Typography>
                      <Typography variant="pi" textColor="neutral600" tag="p">
                        {licence.department?.name ?? ''}
                      </Typography>
                    </Td>
                    <Td>
                      <a
                        href={`/admin/content-manager/collection-types/${LICENCE_UID}/${licence.documentId}`}
                      >
                        {licence.number}
                      </a>
                      <Typography variant="pi" textColor="neutral600" tag="p">
                        {licence.typeName}
                        {licence.ocopStars ? ` · ${licence.ocopStars} sao` : ''} · {licence.issuer}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography tag="p">{vnDate(licence.expiresOn)}</Typography>
                      <Badge
                        backgroundColor={licence.daysLeft <= 30 ? 'danger100' : 'warning100'}
                        textColor={licence.daysLeft <= 30 ? 'danger700' : 'warning700'}
                      >
                        còn {licence.daysLeft} ngày
                      </Badge>
                    </Td>
                    <Td>
                      <Typography tag="p">
                        {[licence.notified.days60 && '60 ngày', licence.notified.days30 && '30 ngày']
                          .filter(Boolean)
                          .join(', ') || 'Chưa'}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography tag="p">{licence.seller.email ?? '—'}</Typography>
                      <Typography tag="p">{licence.seller.phone ?? ''}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        ))}
      </Box>
    </Page.Main>
  );
}

export default ExpiringLicencesPage;
