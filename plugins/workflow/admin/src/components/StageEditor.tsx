import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  IconButton,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { REPLY_ACTIONS, WORKFLOW_ACTIONS, type ReplyAction } from '@sgd/contracts';
import { ACTION_NAMES, type DefinitionsMeta, type StageTemplate, type WorkflowStage } from '../api';

/** Problems by path (`stages.1.deadlineDays`), as the CMS answers them. */
export type Problems = Record<string, string>;

interface Props {
  index: number;
  count: number;
  stage: WorkflowStage;
  roles: DefinitionsMeta['roles'];
  problems: Problems;
  readOnly: boolean;
  onChange(stage: WorkflowStage): void;
  onMove(offset: -1 | 1): void;
  onRemove(): void;
}

/** The message at a path, or at any path under it (a role or an action of the list). */
const problemAt = (problems: Problems, path: string) =>
  problems[path] ?? Object.entries(problems).find(([key]) => key.startsWith(`${path}.`))?.[1] ?? undefined;

const blankTemplate = (): StageTemplate => ({
  action: 'approve',
  name: '',
  subject: '',
  body: '',
});

/** One stage of a workflow: who acts, what they may do, how long they have, what they reply. */
export function StageEditor({
  index,
  count,
  stage,
  roles,
  problems,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const at = `stages.${index}`;
  const set = (patch: Partial<WorkflowStage>) => onChange({ ...stage, ...patch });
  const toggle = <T extends string>(list: T[], value: T, on: boolean) =>
    on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);
  const setTemplate = (t: number, patch: Partial<StageTemplate>) =>
    set({
      templates: stage.templates.map((template, i) => (i === t ? { ...template, ...patch } : template)),
    });

  return (
    <Box
      background="neutral0"
      padding={5}
      hasRadius
      shadow="tableShadow"
      aria-label={`Bước ${index + 1}`}
      tag="section"
    >
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={4}>
        <Typography variant="delta" tag="h3">
          Bước {index + 1}
        </Typography>
        {!readOnly && (
          <Flex gap={1}>
            <IconButton label="Lên trên" onClick={() => onMove(-1)} disabled={index === 0}>
              <ArrowUp />
            </IconButton>
            <IconButton label="Xuống dưới" onClick={() => onMove(1)} disabled={index === count - 1}>
              <ArrowDown />
            </IconButton>
            <IconButton label={`Xóa bước ${index + 1}`} onClick={onRemove} disabled={count === 1}>
              <Trash />
            </IconButton>
          </Flex>
        )}
      </Flex>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Field.Root name={`${at}.name`} error={problemAt(problems, `${at}.name`)} required>
          <Field.Label>Tên bước</Field.Label>
          <TextInput
            value={stage.name}
            disabled={readOnly}
            onChange={(e: { target: { value: string } }) => set({ name: e.target.value })}
          />
          <Field.Error />
        </Field.Root>

        <Field.Root
          name={`${at}.deadlineDays`}
          error={problemAt(problems, `${at}.deadlineDays`)}
          hint="Tính bằng ngày làm việc, không kể ngày nghỉ lễ, Tết và cuối tuần."
          required
        >
          <Field.Label>Thời hạn xử lý (ngày làm việc)</Field.Label>
          <NumberInput
            value={stage.deadlineDays}
            disabled={readOnly}
            onValueChange={(value: number | undefined) => set({ deadlineDays: value ?? 0 })}
          />
          <Field.Error />
          <Field.Hint />
        </Field.Root>

        <Field.Root name={`${at}.roles`} error={problemAt(problems, `${at}.roles`)}>
          <Field.Label>Ai được xử lý bước này</Field.Label>
          <Flex gap={4} wrap="wrap" paddingTop={1}>
            {roles.map((role) => (
              <Checkbox
                key={role.code}
                checked={stage.roles.includes(role.code)}
                disabled={readOnly}
                onCheckedChange={(checked: boolean | 'indeterminate') =>
                  set({ roles: toggle(stage.roles, role.code, checked === true) })
                }
              >
                {role.name}
              </Checkbox>
            ))}
          </Flex>
          <Field.Error />
        </Field.Root>

        <Field.Root name={`${at}.actions`} error={problemAt(problems, `${at}.actions`)}>
          <Field.Label>Thao tác được phép</Field.Label>
          <Flex gap={4} wrap="wrap" paddingTop={1}>
            {WORKFLOW_ACTIONS.map((action) => (
              <Checkbox
                key={action.code}
                checked={stage.actions.includes(action.code)}
                disabled={readOnly}
                onCheckedChange={(checked: boolean | 'indeterminate') =>
                  set({ actions: toggle(stage.actions, action.code, checked === true) })
                }
              >
                {action.name}
              </Checkbox>
            ))}
          </Flex>
          <Field.Error />
        </Field.Root>

        <Box>
          <Typography variant="sigma" tag="h4">
            Mẫu trả lời của bước này
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            Thư gửi người nộp khi cán bộ quyết định ở bước này; không có mẫu riêng thì dùng mẫu chung.
          </Typography>
          {stage.templates.map((template, t) => {
            const tat = `${at}.templates.${t}`;
            return (
              <Box
                key={template.id ?? `moi-${t}`}
                paddingTop={3}
                paddingLeft={3}
                style={{ borderLeft: '2px solid #dcdce4' }}
              >
                <Flex gap={3} alignItems="flex-start" wrap="wrap">
                  <Box minWidth="200px">
                    <Field.Root name={`${tat}.action`} error={problemAt(problems, `${tat}.action`)}>
                      <Field.Label>Dùng khi</Field.Label>
                      <SingleSelect
                        value={template.action}
                        disabled={readOnly}
                        onChange={(value: string | number) =>
                          setTemplate(t, { action: String(value) as ReplyAction })
                        }
                      >
                        {REPLY_ACTIONS.map((action) => (
                          <SingleSelectOption key={action} value={action}>
                            {ACTION_NAMES[action]}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                      <Field.Error />
                    </Field.Root>
                  </Box>
                  <Box flex="1">
                    <Field.Root name={`${tat}.name`} error={problemAt(problems, `${tat}.name`)}>
                      <Field.Label>Tên mẫu</Field.Label>
                      <TextInput
                        value={template.name}
                        disabled={readOnly}
                        onChange={(e: { target: { value: string } }) =>
                          setTemplate(t, { name: e.target.value })
                        }
                      />
                      <Field.Error />
                    </Field.Root>
                  </Box>
                  {!readOnly && (
                    <Box paddingTop={6}>
                      <IconButton
                        label={`Xóa mẫu trả lời ${t + 1}`}
                        onClick={() => set({ templates: stage.templates.filter((_, i) => i !== t) })}
                      >
                        <Trash />
                      </IconButton>
                    </Box>
                  )}
                </Flex>
                <Box paddingTop={2}>
                  <Field.Root name={`${tat}.subject`} error={problemAt(problems, `${tat}.subject`)}>
                    <Field.Label>Tiêu đề thư</Field.Label>
                    <TextInput
                      value={template.subject}
                      disabled={readOnly}
                      onChange={(e: { target: { value: string } }) =>
                        setTemplate(t, { subject: e.target.value })
                      }
                    />
                    <Field.Error />
                  </Field.Root>
                </Box>
                <Box paddingTop={2}>
                  <Field.Root name={`${tat}.body`} error={problemAt(problems, `${tat}.body`)}>
                    <Field.Label>Nội dung thư</Field.Label>
                    <Textarea
                      value={template.body}
                      disabled={readOnly}
                      onChange={(e: { target: { value: string } }) =>
                        setTemplate(t, { body: e.target.value })
                      }
                    />
                    <Field.Error />
                  </Field.Root>
                </Box>
              </Box>
            );
          })}
          {!readOnly && (
            <Box paddingTop={3}>
              <Button
                variant="tertiary"
                startIcon={<Plus />}
                onClick={() => set({ templates: [...stage.templates, blankTemplate()] })}
              >
                Thêm mẫu trả lời
              </Button>
            </Box>
          )}
        </Box>
      </Flex>
    </Box>
  );
}
