import { useMemo, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { definitionsResponseSchema, inboxResponseSchema } from '@sgd/contracts';
import {
  STATE_LABELS,
  countdownText,
  errorMessage,
  formatDateTime,
  useResource,
  type DefinitionView,
  type DefinitionsMeta,
  type Officer,
  type Task,
  type TaskDetail,
} from '../api';
import { ActionForm } from '../components/ActionForm';
import { History } from '../components/History';
import { TaskSummary } from '../components/TaskSummary';

const PAGE_SIZE = 20;
const ALL = 'all';

function TaskModal({ taskId, onClose }: { taskId: number; onClose: (changed: boolean) => void }) {
  const { data, error, loading, reload } = useResource<TaskDetail>(`/workflow/tasks/${taskId}`);
  const [changed, setChanged] = useState(false);
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose(changed)}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{data ? (data.task.title ?? 'Hồ sơ') : 'Hồ sơ'}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {loading && !data && <Typography>Đang tải…</Typography>}
          {error && <Typography textColor="danger600">{error}</Typography>}
          {data && (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <TaskSummary detail={data} />
              <Link
                to={`/content-manager/collection-types/${data.task.targetUid}/${data.task.targetDocumentId}`}
              >
                Mở nội dung hồ sơ
              </Link>
              {data.task.state === 'in_review' && (
                <ActionForm
                  detail={data}
                  onDone={() => {
                    setChanged(true);
                    void reload();
                  }}
                />
              )}
              <History entries={data.history} />
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={() => onClose(changed)}>
            Đóng
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}

/** "Hộp duyệt": the tasks of my department(s), filtered, with deadlines and bulk decisions. */
export function Inbox() {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = useState('open');
  const [type, setType] = useState('');
  const [stage, setStage] = useState('');
  const [overdue, setOverdue] = useState('');
  const [assignee, setAssignee] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [opened, setOpened] = useState<number | null>(null);
  const [bulkReason, setBulkReason] = useState('');

  const params = useMemo(() => {
    const p: Record<string, string> = {
      state: state || 'all',
      page: String(page),
      pageSize: String(PAGE_SIZE),
    };
    if (type) p.type = type;
    if (stage) p.stage = stage;
    if (overdue) p.overdue = overdue;
    if (assignee) p.assignee = assignee;
    return p;
  }, [state, type, stage, overdue, assignee, page]);

  const me = useResource<Officer>('/workflow/me');
  const definitions = useResource<DefinitionView[]>(
    '/workflow/definitions',
    undefined,
    definitionsResponseSchema,
  );
  const tasks = useResource<Task[]>('/workflow/tasks', params, inboxResponseSchema);
  const total = Number((tasks.meta?.pagination as { total?: number } | undefined)?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const types = useMemo(
    () => (definitions.meta as DefinitionsMeta | null)?.contentTypes ?? [],
    [definitions.meta],
  );
  const stages = useMemo(() => {
    const all = new Map<string, string>();
    for (const wf of definitions.data ?? []) for (const s of wf.stages) all.set(s.code, s.name);
    return [...all.entries()];
  }, [definitions.data]);

  const bulkable = (tasks.data ?? []).filter((t) => t.state === 'in_review' && t.stageCount === 1);
  const toggle = (id: number) =>
    setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const bulk = async (action: 'approve' | 'reject') => {
    if (action === 'reject' && bulkReason.trim().length < 5) {
      toggleNotification({ type: 'warning', message: 'Cần ghi rõ lý do từ chối (ít nhất 5 ký tự).' });
      return;
    }
    try {
      const res = await post('/workflow/tasks/bulk', {
        ids: selected,
        action,
        comment: bulkReason.trim() || null,
      });
      const results = (res.data as { data: { ok: boolean }[] }).data;
      const done = results.filter((r) => r.ok).length;
      toggleNotification({
        type: done === results.length ? 'success' : 'warning',
        message: `Đã xử lý ${done}/${results.length} hồ sơ.`,
      });
      setSelected([]);
      setBulkReason('');
      void tasks.reload();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: errorMessage(failure) });
    }
  };

  // Radix selects cannot hold an empty value: "all" stands for no filter.
  const filter = (
    label: string,
    value: string,
    onChange: (v: string) => void,
    options: [string, string][],
  ) => (
    <Box minWidth="180px">
      <Field.Root name={label}>
        <Field.Label>{label}</Field.Label>
        <SingleSelect
          value={value || ALL}
          onChange={(v: string | number) => {
            onChange(String(v) === ALL ? '' : String(v));
            setPage(1);
          }}
        >
          {options.map(([code, name]) => (
            <SingleSelectOption key={code || ALL} value={code || ALL}>
              {name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );

  return (
    <Box padding={8} background="neutral100">
      <Flex justifyContent="space-between" alignItems="flex-start" paddingBottom={6}>
        <Box>
          <Typography tag="h1" variant="alpha">
            Hộp duyệt
          </Typography>
          <Typography variant="epsilon" textColor="neutral600">
            {me.data
              ? me.data.superAdmin
                ? 'Tất cả hồ sơ của mọi sở'
                : `Hồ sơ của sở bạn phụ trách — ${me.data.name}`
              : 'Hồ sơ chờ xử lý'}
          </Typography>
        </Box>
        <Link to="quy-trinh">Quy trình duyệt</Link>
      </Flex>

      {me.error && (
        <Box paddingBottom={4}>
          <Typography role="alert" textColor="danger600">
            {me.error}
          </Typography>
        </Box>
      )}

      <Flex gap={2} wrap="wrap" paddingBottom={4}>
        {filter('Trạng thái', state, setState, [
          ['open', 'Đang mở'],
          ['in_review', 'Đang xử lý'],
          ['supplement_requested', 'Chờ bổ sung'],
          ['approved', 'Đã duyệt'],
          ['rejected', 'Đã từ chối'],
          ['cancelled', 'Đã hủy'],
          ['', 'Tất cả'],
        ])}
        {filter('Loại hồ sơ', type, setType, [
          ['', 'Mọi loại'],
          ...types.map((type): [string, string] => [type.uid, type.name]),
        ])}
        {filter('Bước', stage, setStage, [['', 'Mọi bước'], ...stages])}
        {filter('Hạn', overdue, setOverdue, [
          ['', 'Mọi hạn'],
          ['true', 'Quá hạn'],
          ['false', 'Còn hạn'],
        ])}
        {filter('Người xử lý', assignee, setAssignee, [
          ['', 'Mọi người'],
          ['me', 'Của tôi'],
          ['none', 'Chưa ai nhận'],
        ])}
      </Flex>

      {selected.length > 0 && (
        <Flex gap={2} paddingBottom={4} alignItems="flex-end">
          <Box flex="1">
            <Textarea
              aria-label="Lý do (khi từ chối hàng loạt)"
              placeholder="Lý do (bắt buộc khi từ chối)"
              value={bulkReason}
              onChange={(e: { target: { value: string } }) => setBulkReason(e.target.value)}
            />
          </Box>
          <Button onClick={() => bulk('approve')}>Duyệt {selected.length} hồ sơ</Button>
          <Button variant="danger-light" onClick={() => bulk('reject')}>
            Từ chối {selected.length} hồ sơ
          </Button>
        </Flex>
      )}

      {tasks.error && (
        <Typography role="alert" textColor="danger600">
          {tasks.error}
        </Typography>
      )}
      <Table colCount={8} rowCount={(tasks.data?.length ?? 0) + 1}>
        <Thead>
          <Tr>
            <Th>
              <VisuallyHidden>Chọn</VisuallyHidden>
            </Th>
            <Th>
              <Typography variant="sigma">Hồ sơ</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">Sở</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">Bước</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">Người xử lý</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">Hạn xử lý</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">Trạng thái</Typography>
            </Th>
            <Th>
              <VisuallyHidden>Thao tác</VisuallyHidden>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {(tasks.data ?? []).map((task) => (
            <Tr key={task.id} data-task-id={task.id}>
              <Td>
                {bulkable.some((t) => t.id === task.id) && (
                  <Checkbox
                    aria-label={`Chọn ${task.title ?? task.id}`}
                    checked={selected.includes(task.id)}
                    onCheckedChange={() => toggle(task.id)}
                  />
                )}
              </Td>
              <Td>
                <Typography fontWeight="semiBold">{task.title ?? task.targetDocumentId}</Typography>
                <Typography tag="p" variant="pi" textColor="neutral600">
                  {task.typeName} · {task.kindName}
                  {task.round > 1 ? ` · lượt ${task.round}` : ''} · nộp {formatDateTime(task.submittedAt)}
                </Typography>
              </Td>
              <Td>
                <Typography>{task.department?.name ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography>
                  {task.stageIndex + 1}/{task.stageCount} {task.stageName}
                </Typography>
              </Td>
              <Td>
                <Typography>{task.assigneeName ?? 'Chưa ai nhận'}</Typography>
              </Td>
              <Td>
                <Typography textColor={task.countdown?.overdue ? 'danger600' : 'neutral800'}>
                  {countdownText(task.countdown)}
                </Typography>
                <Typography tag="p" variant="pi" textColor="neutral600">
                  {task.state === 'in_review' ? formatDateTime(task.dueAt) : ''}
                </Typography>
              </Td>
              <Td>
                <Badge active={task.state === 'in_review'}>{STATE_LABELS[task.state]}</Badge>
              </Td>
              <Td>
                <Button variant="secondary" onClick={() => setOpened(task.id)}>
                  Xử lý
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {!tasks.loading && (tasks.data?.length ?? 0) === 0 && (
        <Box padding={6}>
          <Typography textColor="neutral600">Không có hồ sơ nào khớp bộ lọc.</Typography>
        </Box>
      )}
      <Flex justifyContent="space-between" paddingTop={4}>
        <Typography variant="pi">
          {total.toLocaleString('vi-VN')} hồ sơ · trang {page}/{pageCount}
        </Typography>
        <Flex gap={2}>
          <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Trang trước
          </Button>
          <Button variant="tertiary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
            Trang sau
          </Button>
        </Flex>
      </Flex>
      {opened !== null && (
        <TaskModal
          taskId={opened}
          onClose={(changed) => {
            setOpened(null);
            if (changed) void tasks.reload();
          }}
        />
      )}
    </Box>
  );
}
