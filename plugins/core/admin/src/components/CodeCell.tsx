import { Badge, Typography } from '@strapi/design-system';
import { nameOf, type Labels } from '../labels';

/** States a person must notice in a list: locked or refused items, and work waiting. */
const TONES: Record<string, { textColor: string; backgroundColor: string }> = {
  locked: { textColor: 'danger600', backgroundColor: 'danger100' },
  rejected: { textColor: 'danger600', backgroundColor: 'danger100' },
  pending: { textColor: 'warning600', backgroundColor: 'warning100' },
  supplement_requested: { textColor: 'warning600', backgroundColor: 'warning100' },
  approved: { textColor: 'success600', backgroundColor: 'success100' },
  verified: { textColor: 'success600', backgroundColor: 'success100' },
};

/** A list cell holding codes (one, or a JSON list), shown by their names; statuses as coloured badges. */
export function CodeCell({ value, labels, status }: { value: unknown; labels: Labels; status: boolean }) {
  if (value === null || value === undefined || value === '')
    return <Typography textColor="neutral800">-</Typography>;
  if (Array.isArray(value)) {
    return (
      <Typography textColor="neutral800">{value.map((code) => nameOf(labels, code)).join(', ')}</Typography>
    );
  }
  const tone = status ? TONES[String(value)] : undefined;
  if (tone) {
    return (
      <Badge textColor={tone.textColor as never} backgroundColor={tone.backgroundColor as never}>
        {nameOf(labels, value)}
      </Badge>
    );
  }
  return (
    <Typography textColor="neutral800" ellipsis maxWidth="30rem">
      {nameOf(labels, value)}
    </Typography>
  );
}
