/** The checks on Vietnamese identifiers live in @sgd/contracts, shared with the site's forms. */
export {
  CITIZEN_ID_PATTERN,
  EMAIL_PATTERN,
  ENTERPRISE_CODE_PATTERN,
  PHONE_PATTERN,
  VIETNAM_BOUNDS,
  datesInOrder,
  isCitizenId,
  isEmail,
  isEnterpriseCode,
  isPhone,
  latitudeCheck,
  longitudeCheck,
  polygonCheck,
  type Check,
} from '@sgd/contracts';
