import type { DocumentRule } from './lib/document-rules';
import { datesInOrder, isEmail, isPhone, latitudeCheck, longitudeCheck } from '@sgd/contracts';
import { UID } from './constants';

export const rules: DocumentRule[] = [
  { uid: UID.department, fields: { phone: isPhone, email: isEmail } },
  {
    uid: UID.administrativeUnit,
    fields: { latitude: latitudeCheck, longitude: longitudeCheck },
    across: (data) => {
      const message = datesInOrder(
        data.effectiveFrom,
        data.effectiveTo,
        'Ngày hết hiệu lực phải sau ngày có hiệu lực.',
      );
      return message ? [{ path: 'effectiveTo', message }] : [];
    },
  },
];
