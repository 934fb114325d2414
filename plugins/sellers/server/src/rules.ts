import { licenceTypes } from '@sgd/config';
import {
  datesInOrder,
  isCitizenId,
  isEmail,
  isEnterpriseCode,
  isPhone,
  latitudeCheck,
  longitudeCheck,
  polygonCheck,
  type DocumentRule,
  type FieldProblem,
} from '@sgd/plugin-core';
import { UID } from './constants';

const PLANTING_AREA_CODE = /^[A-Za-z0-9][A-Za-z0-9./ -]{2,59}$/;

const filled = (value: unknown) => value !== null && value !== undefined && String(value).trim() !== '';

export const rules: DocumentRule[] = [
  {
    uid: UID.seller,
    slugFrom: 'name',
    fields: { enterpriseCode: isEnterpriseCode, citizenId: isCitizenId, phone: isPhone, email: isEmail },
    across: (data) => {
      const problems: FieldProblem[] = [];
      if (!filled(data.enterpriseCode) && !filled(data.citizenId)) {
        problems.push({
          path: 'enterpriseCode',
          message: 'Cần khai báo mã số doanh nghiệp/mã số thuế hoặc số căn cước công dân.',
        });
      }
      if (
        (data.legalForm === 'enterprise' || data.legalForm === 'cooperative') &&
        !filled(data.enterpriseCode)
      ) {
        problems.push({
          path: 'enterpriseCode',
          message: 'Doanh nghiệp và hợp tác xã phải khai báo mã số doanh nghiệp.',
        });
      }
      if (!filled(data.phone) && !filled(data.email)) {
        problems.push({ path: 'phone', message: 'Cần ít nhất một số điện thoại hoặc email liên hệ.' });
      }
      return problems;
    },
  },
  {
    uid: UID.licence,
    across: (data) => {
      const problems: FieldProblem[] = [];
      const type = licenceTypes.find((t) => t.code === data.type);
      const order = datesInOrder(data.issuedOn, data.expiresOn, 'Ngày hết hạn phải sau ngày cấp.');
      if (order) problems.push({ path: 'expiresOn', message: order });
      if (type?.requiresExpiry && !filled(data.expiresOn)) {
        problems.push({ path: 'expiresOn', message: `${type.name} phải có ngày hết hạn.` });
      }
      if (type?.hasStars) {
        const stars = Number(data.ocopStars);
        if (!Number.isInteger(stars) || stars < 3 || stars > 5) {
          problems.push({ path: 'ocopStars', message: 'Chứng nhận OCOP phải có hạng sao từ 3 đến 5.' });
        }
      } else if (filled(data.ocopStars)) {
        problems.push({ path: 'ocopStars', message: 'Chỉ chứng nhận OCOP mới có hạng sao.' });
      }
      return problems;
    },
  },
  {
    uid: UID.productionArea,
    slugFrom: 'name',
    fields: {
      latitude: latitudeCheck,
      longitude: longitudeCheck,
      polygon: polygonCheck,
      code: (value) =>
        !filled(value) || PLANTING_AREA_CODE.test(String(value))
          ? null
          : 'Mã số vùng trồng chỉ gồm chữ, số, dấu gạch ngang, dấu chấm, dấu gạch chéo (3–60 ký tự).',
    },
  },
];
