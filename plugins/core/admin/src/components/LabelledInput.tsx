import type { ReactNode } from 'react';
import { Checkbox, Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { InputRenderer, useField } from '@strapi/strapi/admin';
import { labelsOf, nameOf, type Labels } from '../labels';

/** What the content manager's edit view hands an input it does not draw itself. */
export interface EditInputProps {
  name: string;
  label: string;
  type: string;
  attribute: { type: string; enum?: string[] };
  hint?: ReactNode;
  labelAction?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  [key: string]: unknown;
}

interface LabelledProps extends EditInputProps {
  labels: Labels;
}

/** One code among named ones: a select showing the names. */
function CodeSelect({
  name,
  label,
  hint,
  labelAction,
  required,
  disabled,
  placeholder,
  attribute,
  labels,
}: LabelledProps) {
  const field = useField<string | null>(name);
  const codes = attribute.enum ?? Object.keys(labels);
  const current = field.value ?? '';
  // A stored code the list no longer names still shows (as itself) rather than an empty select.
  const shown = current && !codes.includes(current) ? [...codes, current] : codes;
  return (
    <Field.Root name={name} error={field.error} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <SingleSelect
        value={current}
        disabled={disabled}
        placeholder={placeholder || 'Chọn'}
        onChange={(value: string | number) => field.onChange(name, value === '' ? null : String(value))}
      >
        {!required && <SingleSelectOption value="">(Để trống)</SingleSelectOption>}
        {shown.map((code) => (
          <SingleSelectOption key={code} value={code}>
            {nameOf(labels, code)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

/** A list of codes (JSON) among named ones: a checkbox per name. */
function CodeChecklist({ name, label, hint, labelAction, required, disabled, labels }: LabelledProps) {
  const field = useField<unknown>(name);
  const chosen = Array.isArray(field.value) ? (field.value as string[]) : [];
  const toggle = (code: string, checked: boolean) =>
    field.onChange(
      name,
      checked ? [...chosen.filter((c) => c !== code), code] : chosen.filter((c) => c !== code),
    );
  return (
    <Field.Root name={name} error={field.error} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={1}>
        {Object.keys(labels).map((code) => (
          <Checkbox
            key={code}
            checked={chosen.includes(code)}
            disabled={disabled}
            onCheckedChange={(checked: boolean | 'indeterminate') => toggle(code, checked === true)}
          >
            {labels[code]}
          </Checkbox>
        ))}
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

/**
 * The edit view's input for enumerations, text and JSON fields: fields whose schema names their codes
 * show the names (a select, or checkboxes for a list of codes); the others keep Strapi's own input.
 */
export function LabelledInput(props: EditInputProps) {
  const labels = labelsOf(props.attribute);
  if (labels && props.type === 'json') return <CodeChecklist {...props} labels={labels} />;
  if (labels) return <CodeSelect {...props} labels={labels} />;
  // Strapi's generic input, given what the content manager's own renderer would give it.
  const { unique: _unique, mainField: _mainField, ...rest } = props;
  const options = props.attribute.enum?.map((value) => ({ value }));
  const strapiProps = { ...rest, ...(options ? { options } : {}) } as unknown as Parameters<
    typeof InputRenderer
  >[0];
  return <InputRenderer {...strapiProps} />;
}
