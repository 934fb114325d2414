import { useEffect, useMemo, useRef, useState } from 'react';
import {
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
import { Plus } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { definitionsResponseSchema, previewResponseSchema, type PreviewResponse } from '@sgd/contracts';
import {
  errorMessage,
  fieldErrors,
  formatDate,
  formatDateTime,
  useResource,
  type DefinitionView,
  type DefinitionsMeta,
  type WorkflowDefinition,
  type WorkflowStage,
} from '../api';
import { RoutingEditor } from '../components/RoutingEditor';
import { StageEditor, type Problems } from '../components/StageEditor';

/** Lower case ASCII with underscores, for the codes the editor makes up (never shown). */
const codeOf = (text: string, fallback: string) => {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  return /^[a-z][a-z0-9_]{1,}$/.test(folded) ? folded : fallback;
};

const definitionOf = (view: DefinitionView): WorkflowDefinition => ({
  code: view.code,
  name: view.name,
  stages: view.stages,
  contentTypes: view.contentTypes,
});

/** A new stage: who acts is left for the editor to choose (the check says so beside the field). */
const newStage = (stages: WorkflowStage[]): WorkflowStage => {
  const taken = new Set(stages.map((stage) => stage.code));
  let n = stages.length + 1;
  while (taken.has(`buoc_${n}`)) n += 1;
  return {
    code: `buoc_${n}`,
    name: `Bước ${n}`,
    roles: [],
    actions: n === 1 ? ['approve', 'reject', 'request_supplement'] : ['approve', 'reject', 'return'],
    deadlineDays: 3,
    templates: [],
  };
};

/**
 * "Quy trình duyệt": the workflows as a form, one at a time — stages in order (name, who acts,
 * deadline in working days, allowed actions, reply templates), the content types that use the
 * workflow and how each is routed to a department. Every change is checked by the CMS as it is made
 * (messages beside the field at fault) and the path a task would take is previewed. Every officer
 * reads; those with the settings permission save, which makes a new version: tasks already submitted
 * keep theirs.
 */
export function Definitions() {
  const { put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const list = useResource<DefinitionView[]>('/workflow/definitions', undefined, definitionsResponseSchema);
  const meta = list.meta as DefinitionsMeta | null;
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<WorkflowDefinition | null>(null);
  const [isNew, setIsNew] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [preview, setPreview] = useState<PreviewResponse['data']['path']>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const readOnly = !meta?.canEdit;

  const current = useMemo(
    () => (list.data ?? []).find((view) => view.code === selected) ?? null,
    [list.data, selected],
  );

  useEffect(() => {
    if (!list.data || list.data.length === 0 || isNew) return;
    const view = list.data.find((candidate) => candidate.code === selected) ?? list.data[0];
    setSelected(view.code);
    setDraft(definitionOf(view));
    setProblems({});
    setFailure(null);
  }, [list.data, selected, isNew]);

  // Each change is checked by the CMS (the same checks as a save) and previewed, shortly after typing.
  const sequence = useRef(0);
  useEffect(() => {
    if (!draft) return;
    const mine = (sequence.current += 1);
    const timer = setTimeout(async () => {
      try {
        const response = await post('/workflow/definitions/preview', { data: draft });
        if (mine !== sequence.current) return;
        const { data } = previewResponseSchema.parse(response.data);
        setProblems(Object.fromEntries(data.problems.map((p) => [p.path.join('.'), p.message])));
        setPreview(data.path);
      } catch (error) {
        if (mine === sequence.current) setFailure(errorMessage(error));
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [draft, post]);

  const ownerOf = (uid: string) =>
    (list.data ?? []).find(
      (view) => view.code !== draft?.code && view.contentTypes.some((binding) => binding.uid === uid),
    );

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const response = await put(`/workflow/definitions/${draft.code}`, { data: draft });
      const saved = definitionsResponseSchema.parse(response.data).data.find((v) => v.code === draft.code);
      toggleNotification({
        type: 'success',
        message: `Đã lưu quy trình «${draft.name}»${saved ? `, phiên bản ${saved.version}` : ''}. Hồ sơ đã nộp giữ phiên bản cũ.`,
      });
      setIsNew(false);
      setFailure(null);
      setSelected(draft.code);
      await list.reload();
    } catch (error) {
      setProblems(fieldErrors(error));
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const startNew = () => {
    if (!meta) return;
    setIsNew(true);
    setSelected(null);
    setProblems({});
    setFailure(null);
    setDraft({ code: '', name: '', stages: [newStage([])], contentTypes: [] });
  };

  const setStages = (stages: WorkflowStage[]) => draft && setDraft({ ...draft, stages });

  return (
    <Box padding={8} background="neutral100">
      <Flex justifyContent="space-between" paddingBottom={4}>
        <Box>
          <Typography tag="h1" variant="alpha">
            Quy trình duyệt
          </Typography>
          <Typography variant="epsilon" textColor="neutral600" tag="p">
            Thay đổi được lưu thành phiên bản mới và áp dụng cho hồ sơ nộp sau khi lưu; hồ sơ đang xử lý giữ
            phiên bản đã nộp.
          </Typography>
        </Box>
        <Link to="..">Về Hộp duyệt</Link>
      </Flex>
      {list.error && (
        <Typography role="alert" textColor="danger600">
          {list.error}
        </Typography>
      )}
      {meta && readOnly && (
        <Box paddingBottom={4}>
          <Box background="primary100" padding={3} hasRadius borderColor="primary200">
            <Typography>
              Bạn xem được quy trình; chỉ cán bộ có quyền «Sửa quy trình duyệt» mới lưu được thay đổi.
            </Typography>
          </Box>
        </Box>
      )}

      <Flex alignItems="flex-start" gap={6}>
        <Box minWidth="260px" maxWidth="300px" tag="nav" aria-label="Các quy trình">
          <Flex direction="column" alignItems="stretch" gap={2}>
            {(list.data ?? []).map((view) => (
              <Button
                key={view.code}
                variant={view.code === selected && !isNew ? 'secondary' : 'tertiary'}
                fullWidth
                onClick={() => {
                  setIsNew(false);
                  setSelected(view.code);
                }}
                style={{
                  justifyContent: 'flex-start',
                  height: 'auto',
                  padding: '8px 12px',
                  textAlign: 'left',
                }}
              >
                <span>
                  {view.name}
                  <br />
                  <small>
                    Phiên bản {view.version} · {view.stages.length} bước
                  </small>
                </span>
              </Button>
            ))}
            {!readOnly && (
              <Button variant="tertiary" startIcon={<Plus />} onClick={startNew}>
                Thêm quy trình
              </Button>
            )}
          </Flex>
        </Box>

        {draft && meta && (
          <Box tag="section" aria-label="Sửa quy trình" flex="1">
            <Flex direction="column" alignItems="stretch" gap={5}>
              <Box background="neutral0" padding={5} hasRadius shadow="tableShadow">
                <Field.Root name="name" error={problems.name ?? problems.code} required>
                  <Field.Label>Tên quy trình</Field.Label>
                  <TextInput
                    value={draft.name}
                    disabled={readOnly}
                    onChange={(e: { target: { value: string } }) =>
                      setDraft({
                        ...draft,
                        name: e.target.value,
                        code: isNew
                          ? codeOf(e.target.value, `quy_trinh_${Date.now().toString(36)}`)
                          : draft.code,
                      })
                    }
                  />
                  <Field.Error />
                </Field.Root>
              </Box>

              <Box>
                <Typography variant="beta" tag="h2" paddingBottom={2}>
                  Các bước
                </Typography>
                {problems.stages && (
                  <Typography textColor="danger600" role="alert" tag="p">
                    {problems.stages}
                  </Typography>
                )}
                <Flex direction="column" alignItems="stretch" gap={4}>
                  {draft.stages.map((stage, index) => (
                    <StageEditor
                      key={stage.code}
                      index={index}
                      count={draft.stages.length}
                      stage={stage}
                      roles={meta.roles}
                      problems={problems}
                      readOnly={readOnly}
                      onChange={(changed) =>
                        setStages(draft.stages.map((candidate, i) => (i === index ? changed : candidate)))
                      }
                      onMove={(offset) => {
                        const stages = [...draft.stages];
                        [stages[index], stages[index + offset]] = [stages[index + offset], stages[index]];
                        setStages(stages);
                      }}
                      onRemove={() => setStages(draft.stages.filter((_, i) => i !== index))}
                    />
                  ))}
                </Flex>
                {!readOnly && (
                  <Box paddingTop={3}>
                    <Button
                      variant="secondary"
                      startIcon={<Plus />}
                      onClick={() => setStages([...draft.stages, newStage(draft.stages)])}
                    >
                      Thêm bước
                    </Button>
                  </Box>
                )}
              </Box>

              <Box>
                <Typography variant="beta" tag="h2" paddingBottom={2}>
                  Loại nội dung dùng quy trình này
                </Typography>
                {problems.contentTypes && (
                  <Typography textColor="danger600" role="alert" tag="p">
                    {problems.contentTypes}
                  </Typography>
                )}
                <Flex direction="column" alignItems="stretch" gap={4}>
                  {draft.contentTypes.map((binding, index) => (
                    <RoutingEditor
                      key={binding.uid}
                      index={index}
                      binding={binding}
                      type={meta.contentTypes.find((type) => type.uid === binding.uid)}
                      meta={meta}
                      movingFrom={
                        current?.contentTypes.some((b) => b.uid === binding.uid)
                          ? null
                          : (ownerOf(binding.uid)?.name ?? null)
                      }
                      problems={problems}
                      readOnly={readOnly}
                      onChange={(changed) =>
                        setDraft({
                          ...draft,
                          contentTypes: draft.contentTypes.map((b, i) => (i === index ? changed : b)),
                        })
                      }
                      onRemove={() =>
                        setDraft({ ...draft, contentTypes: draft.contentTypes.filter((_, i) => i !== index) })
                      }
                    />
                  ))}
                </Flex>
                {!readOnly && (
                  <Box paddingTop={3} maxWidth="420px">
                    <SingleSelect
                      aria-label="Thêm loại nội dung"
                      placeholder="Thêm loại nội dung…"
                      value=""
                      onChange={(value: string | number) => {
                        const uid = String(value);
                        const from = ownerOf(uid)?.contentTypes.find((binding) => binding.uid === uid);
                        setDraft({
                          ...draft,
                          contentTypes: [
                            ...draft.contentTypes,
                            from ?? {
                              uid,
                              routing: [{ by: 'fixed', department: meta.departments[0]?.code ?? '' }],
                            },
                          ],
                        });
                      }}
                    >
                      {meta.contentTypes
                        .filter((type) => !draft.contentTypes.some((binding) => binding.uid === type.uid))
                        .map((type) => (
                          <SingleSelectOption key={type.uid} value={type.uid}>
                            {type.name}
                            {ownerOf(type.uid) ? ` (đang thuộc «${ownerOf(type.uid)?.name}»)` : ''}
                          </SingleSelectOption>
                        ))}
                    </SingleSelect>
                  </Box>
                )}
              </Box>

              <Box
                background="neutral0"
                padding={5}
                hasRadius
                shadow="tableShadow"
                tag="section"
                aria-label="Xem trước"
              >
                <Typography variant="delta" tag="h2">
                  Đường đi của hồ sơ nộp hôm nay
                </Typography>
                {preview.length === 0 ? (
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    Sửa các chỗ đang báo lỗi để xem đường đi.
                  </Typography>
                ) : (
                  <Flex tag="ol" direction="column" alignItems="stretch" gap={2} paddingTop={3}>
                    {preview.map((step, index) => (
                      <Box key={index} tag="li" style={{ listStyle: 'none' }}>
                        <Typography fontWeight="semiBold">
                          {index + 1}. {step.stage}
                        </Typography>
                        <Typography variant="pi" tag="p">
                          {step.roles.join(', ')} · {step.deadlineDays} ngày làm việc · hạn chậm nhất{' '}
                          {formatDate(step.dueAt)}
                        </Typography>
                      </Box>
                    ))}
                  </Flex>
                )}
              </Box>

              {current && !isNew && (
                <Box
                  background="neutral0"
                  padding={5}
                  hasRadius
                  shadow="tableShadow"
                  tag="section"
                  aria-label="Các phiên bản"
                >
                  <Typography variant="delta" tag="h2" paddingBottom={3}>
                    Các phiên bản
                  </Typography>
                  <Table colCount={3} rowCount={current.versions.length + 1}>
                    <Thead>
                      <Tr>
                        <Th>
                          <Typography variant="sigma">Phiên bản</Typography>
                        </Th>
                        <Th>
                          <Typography variant="sigma">Lưu lúc</Typography>
                        </Th>
                        <Th>
                          <Typography variant="sigma">Hồ sơ đang xử lý theo phiên bản này</Typography>
                        </Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {current.versions.map((version) => (
                        <Tr key={version.version}>
                          <Td>
                            <Typography>
                              {version.version}
                              {version.version === current.version ? ' (đang áp dụng)' : ''}
                            </Typography>
                          </Td>
                          <Td>
                            <Typography>{formatDateTime(version.savedAt)}</Typography>
                          </Td>
                          <Td>
                            <Typography>{version.openTasks.toLocaleString('vi-VN')}</Typography>
                          </Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                </Box>
              )}

              {failure && (
                <Typography role="alert" textColor="danger600">
                  {failure}
                </Typography>
              )}
              {!readOnly && (
                <Flex gap={2}>
                  <Button onClick={save} loading={saving}>
                    Lưu thành phiên bản mới
                  </Button>
                  {current && !isNew && (
                    <Button variant="tertiary" onClick={() => setDraft(definitionOf(current))}>
                      Bỏ thay đổi
                    </Button>
                  )}
                </Flex>
              )}
            </Flex>
          </Box>
        )}
      </Flex>
    </Box>
  );
}
