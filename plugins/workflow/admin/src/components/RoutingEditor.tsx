import {
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { DefinitionsMeta, RoutingRule, WorkflowBinding } from '../api';
import type { Problems } from './StageEditor';

type ContentTypeChoice = DefinitionsMeta['contentTypes'][number];

interface Props {
  index: number;
  binding: WorkflowBinding;
  type: ContentTypeChoice | undefined;
  meta: DefinitionsMeta;
  /** The workflow the type belongs to now, when it is another one (it moves here on save). */
  movingFrom: string | null;
  problems: Problems;
  readOnly: boolean;
  onChange(binding: WorkflowBinding): void;
  onRemove(): void;
}

const KINDS: { code: RoutingRule['by']; name: string }[] = [
  { code: 'path', name: 'Theo sở ghi trên hồ sơ' },
  { code: 'commune', name: 'Theo xã, phường của hồ sơ' },
  { code: 'fixed', name: 'Luôn giao một sở' },
];

const problemAt = (problems: Problems, path: string) =>
  problems[path] ?? Object.entries(problems).find(([key]) => key.startsWith(`${path}.`))?.[1];

/**
 * Which department handles items of one content type: rules tried in order until one gives a
 * department — a department recorded on the item (or its seller, its category…), the item's
 * commune mapped to a department, or one fixed department.
 */
export function RoutingEditor({
  index,
  binding,
  type,
  meta,
  movingFrom,
  problems,
  readOnly,
  onChange,
  onRemove,
}: Props) {
  const at = `contentTypes.${index}`;
  const setRule = (r: number, rule: RoutingRule) =>
    onChange({ ...binding, routing: binding.routing.map((current, i) => (i === r ? rule : current)) });
  const blank = (by: RoutingRule['by']): RoutingRule =>
    by === 'path'
      ? { by, path: type?.departmentPaths[0]?.path ?? 'department' }
      : by === 'commune'
        ? { by, path: type?.communePaths[0]?.path ?? 'commune', departments: {} }
        : { by, department: meta.departments[0]?.code ?? '' };

  return (
    <Box
      background="neutral0"
      padding={5}
      hasRadius
      shadow="tableShadow"
      tag="section"
      aria-label={type?.name}
    >
      <Flex justifyContent="space-between" alignItems="center">
        <Box>
          <Typography variant="delta" tag="h3">
            {type?.name ?? 'Loại nội dung không còn cài đặt'}
          </Typography>
          {movingFrom && (
            <Typography variant="pi" textColor="warning600" tag="p">
              Đang thuộc quy trình «{movingFrom}»; khi lưu sẽ chuyển sang quy trình này.
            </Typography>
          )}
        </Box>
        {!readOnly && (
          <IconButton label={`Bỏ ${type?.name ?? 'loại nội dung này'} khỏi quy trình`} onClick={onRemove}>
            <Trash />
          </IconButton>
        )}
      </Flex>
      {problemAt(problems, `${at}.uid`) && (
        <Typography textColor="danger600" variant="pi" tag="p" role="alert">
          {problemAt(problems, `${at}.uid`)}
        </Typography>
      )}
      <Typography variant="sigma" tag="h4" paddingTop={3}>
        Sở xử lý hồ sơ
      </Typography>
      {problems[`${at}.routing`] && (
        <Typography textColor="danger600" variant="pi" tag="p" role="alert">
          {problems[`${at}.routing`]}
        </Typography>
      )}
      {binding.routing.map((rule, r) => {
        const rat = `${at}.routing.${r}`;
        return (
          <Flex key={r} gap={3} alignItems="flex-start" wrap="wrap" paddingTop={3}>
            <Typography variant="pi" textColor="neutral600" style={{ paddingTop: 32, minWidth: 60 }}>
              {r === 0 ? 'Trước hết' : 'Nếu không'}
            </Typography>
            <Box minWidth="220px">
              <Field.Root name={`${rat}.by`} error={problemAt(problems, `${rat}.by`)}>
                <Field.Label>Cách chọn sở</Field.Label>
                <SingleSelect
                  value={rule.by}
                  disabled={readOnly}
                  onChange={(value: string | number) => setRule(r, blank(String(value) as RoutingRule['by']))}
                >
                  {KINDS.map((kind) => (
                    <SingleSelectOption key={kind.code} value={kind.code}>
                      {kind.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
            </Box>
            {rule.by !== 'fixed' && (
              <Box minWidth="260px">
                <Field.Root name={`${rat}.path`} error={problemAt(problems, `${rat}.path`)}>
                  <Field.Label>{rule.by === 'path' ? 'Lấy sở từ' : 'Lấy xã, phường từ'}</Field.Label>
                  <SingleSelect
                    value={rule.path}
                    disabled={readOnly}
                    onChange={(value: string | number) => setRule(r, { ...rule, path: String(value) })}
                  >
                    {(rule.by === 'path' ? (type?.departmentPaths ?? []) : (type?.communePaths ?? [])).map(
                      (choice) => (
                        <SingleSelectOption key={choice.path} value={choice.path}>
                          {choice.label}
                        </SingleSelectOption>
                      ),
                    )}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              </Box>
            )}
            {rule.by === 'fixed' && (
              <Box minWidth="260px">
                <Field.Root name={`${rat}.department`} error={problemAt(problems, `${rat}.department`)}>
                  <Field.Label>Sở</Field.Label>
                  <SingleSelect
                    value={rule.department}
                    disabled={readOnly}
                    onChange={(value: string | number) => setRule(r, { ...rule, department: String(value) })}
                  >
                    {meta.departments.map((department) => (
                      <SingleSelectOption key={department.code} value={department.code}>
                        {department.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              </Box>
            )}
            {!readOnly && (
              <Box paddingTop={6}>
                <IconButton
                  label={`Xóa quy tắc ${r + 1}`}
                  onClick={() => onChange({ ...binding, routing: binding.routing.filter((_, i) => i !== r) })}
                >
                  <Trash />
                </IconButton>
              </Box>
            )}
            {rule.by === 'commune' && (
              <CommuneTable
                rule={rule}
                meta={meta}
                problem={problemAt(problems, `${rat}.departments`)}
                readOnly={readOnly}
                onChange={(departments) => setRule(r, { ...rule, departments })}
              />
            )}
          </Flex>
        );
      })}
      {!readOnly && (
        <Box paddingTop={3}>
          <Button
            variant="tertiary"
            startIcon={<Plus />}
            onClick={() => onChange({ ...binding, routing: [...binding.routing, blank('fixed')] })}
          >
            Thêm quy tắc chọn sở
          </Button>
        </Box>
      )}
    </Box>
  );
}

/** Which department handles the items of each commune. */
function CommuneTable({
  rule,
  meta,
  problem,
  readOnly,
  onChange,
}: {
  rule: Extract<RoutingRule, { by: 'commune' }>;
  meta: DefinitionsMeta;
  problem: string | undefined;
  readOnly: boolean;
  onChange(departments: Record<string, string>): void;
}) {
  const entries = Object.entries(rule.departments);
  const unused = meta.communes.filter((commune) => !(commune.code in rule.departments));
  return (
    <Box width="100%" paddingLeft={10}>
      {entries.map(([commune, department]) => (
        <Flex key={commune} gap={3} paddingTop={2} alignItems="center">
          <Typography style={{ minWidth: 220 }}>
            {meta.communes.find((c) => c.code === commune)?.name ?? 'Xã, phường không còn tồn tại'}
          </Typography>
          <Box minWidth="240px">
            <SingleSelect
              aria-label="Sở xử lý hồ sơ của xã, phường này"
              value={department}
              disabled={readOnly}
              onChange={(value: string | number) =>
                onChange({ ...rule.departments, [commune]: String(value) })
              }
            >
              {meta.departments.map((d) => (
                <SingleSelectOption key={d.code} value={d.code}>
                  {d.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          {!readOnly && (
            <IconButton
              label="Bỏ xã, phường này"
              onClick={() => onChange(Object.fromEntries(entries.filter(([code]) => code !== commune)))}
            >
              <Trash />
            </IconButton>
          )}
        </Flex>
      ))}
      {!readOnly && unused.length > 0 && (
        <Box paddingTop={2} maxWidth="300px">
          <SingleSelect
            aria-label="Thêm xã, phường"
            placeholder="Thêm xã, phường…"
            value=""
            onChange={(value: string | number) =>
              onChange({ ...rule.departments, [String(value)]: meta.departments[0]?.code ?? '' })
            }
          >
            {unused.map((commune) => (
              <SingleSelectOption key={commune.code} value={commune.code}>
                {commune.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
      )}
      {problem && (
        <Typography textColor="danger600" variant="pi" tag="p" role="alert">
          {problem}
        </Typography>
      )}
    </Box>
  );
}
