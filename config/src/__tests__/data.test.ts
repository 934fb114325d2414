import {
  administrativeUnits,
  categories,
  DELIVERY_METHOD_CODES,
  DELIVERY_METHODS,
  departments,
  DIRECTORY_KIND_CODES,
  DIRECTORY_KINDS,
  EXPIRING_WITHIN_DAYS,
  FORMER_PROVINCE_CODES,
  LEGAL_DOCUMENT_KIND_CODES,
  LEGAL_DOCUMENT_KINDS,
  LEGAL_FORM_CODES,
  LEGAL_FORMS,
  LICENCE_TYPE_CODES,
  licenceTypes,
  MARKET_KIND_CODES,
  MARKET_KINDS,
  OCOP_STARS,
  PAYMENT_METHOD_CODES,
  PAYMENT_METHODS,
  PROVINCE_CODE,
} from '..';

const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEBAB_ASCII = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('administrative units', () => {
  const byCode = new Map(administrativeUnits.map((u) => [u.code, u]));
  const current = administrativeUnits.filter((u) => u.effectiveTo === null);
  const communes = administrativeUnits.filter((u) => u.level === 'commune');

  it('has unique codes', () => {
    expect(duplicates(administrativeUnits.map((u) => u.code))).toEqual([]);
  });

  it('has the new province with code 82, in force since 1/7/2025', () => {
    const province = byCode.get(PROVINCE_CODE);
    expect(PROVINCE_CODE).toBe('82');
    expect(province).toMatchObject({
      level: 'province',
      kind: 'tỉnh',
      parentCode: null,
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
    });
  });

  it('keeps the two former provinces, ended on 30/6/2025', () => {
    for (const code of Object.values(FORMER_PROVINCE_CODES)) {
      expect(byCode.get(code)).toMatchObject({
        level: 'province',
        effectiveTo: '2025-06-30',
        formerNames: [],
      });
    }
  });

  it('has 102 communes and wards (82 xã, 20 phường), all children of the new province', () => {
    expect(communes).toHaveLength(102);
    expect(communes.filter((u) => u.kind === 'xã')).toHaveLength(82);
    expect(communes.filter((u) => u.kind === 'phường')).toHaveLength(20);
    for (const unit of communes) {
      expect(unit.parentCode).toBe(PROVINCE_CODE);
      expect(unit.effectiveFrom).toBe('2025-07-01');
      expect(unit.effectiveTo).toBeNull();
    }
  });

  it("has every commune's parentCode among the units", () => {
    for (const unit of administrativeUnits) {
      if (unit.parentCode !== null) expect(byCode.has(unit.parentCode)).toBe(true);
    }
  });

  it('uses five-digit official codes for communes and names that start with their kind', () => {
    for (const unit of communes) {
      expect(unit.code).toMatch(/^\d{5}$/);
      expect(unit.name.toLowerCase().startsWith(`${unit.kind} `)).toBe(true);
    }
  });

  it('has unique names among units in force', () => {
    expect(duplicates(current.map((u) => u.name))).toEqual([]);
  });

  it('uses ISO dates with effectiveFrom before effectiveTo', () => {
    for (const unit of administrativeUnits) {
      expect(unit.effectiveFrom).toMatch(ISO_DATE);
      if (unit.effectiveTo !== null) {
        expect(unit.effectiveTo).toMatch(ISO_DATE);
        expect(unit.effectiveFrom < unit.effectiveTo).toBe(true);
      }
    }
  });

  it('lists former units with district and province so old addresses stay searchable', () => {
    for (const unit of communes) {
      expect(unit.formerNames.length).toBeGreaterThan(0);
      for (const former of unit.formerNames) {
        expect(former).toMatch(/, (thành phố|thị xã|huyện) .+, tỉnh (Tiền Giang|Đồng Tháp)( \(một phần\))?$/);
      }
    }
    const myTho = communes.find((u) => u.name === 'Phường Mỹ Tho');
    expect(myTho?.formerNames).toContain('Phường 1, thành phố Mỹ Tho, tỉnh Tiền Giang');
  });

  it('keeps coordinates, when present, inside the province', () => {
    for (const unit of administrativeUnits) {
      expect(unit.latitude === undefined).toBe(unit.longitude === undefined);
      if (unit.latitude !== undefined && unit.longitude !== undefined) {
        expect(unit.latitude).toBeGreaterThan(10.1);
        expect(unit.latitude).toBeLessThan(11.0);
        expect(unit.longitude).toBeGreaterThan(105.2);
        expect(unit.longitude).toBeLessThan(106.85);
      }
    }
  });
});

describe('departments', () => {
  it('has at least 8 departments with unique codes and names', () => {
    expect(departments.length).toBeGreaterThanOrEqual(8);
    expect(duplicates(departments.map((d) => d.code))).toEqual([]);
    expect(duplicates(departments.map((d) => d.name))).toEqual([]);
  });

  it('includes the departments the exchange routes reviews to', () => {
    const codes = departments.map((d) => d.code as string);
    for (const code of ['SCT', 'SNNMT', 'SYT', 'SKHCN', 'SVHTTDL', 'STC', 'SNV', 'SXD', 'SGDDT']) {
      expect(codes).toContain(code);
    }
  });

  it('uses @dongthap.gov.vn emails and Vietnamese landline numbers', () => {
    for (const d of departments) {
      expect(d.email).toMatch(/^[a-z0-9.]+@dongthap\.gov\.vn$/);
      expect(d.phone).toMatch(/^02(73|77) \d{3} \d{4}$/);
    }
  });
});

describe('categories', () => {
  const slugs = new Set(categories.map((c) => c.slug));
  const departmentCodes = new Set(departments.map((d) => d.code as string));

  it('has unique ASCII kebab-case slugs', () => {
    expect(duplicates(categories.map((c) => c.slug))).toEqual([]);
    for (const c of categories) expect(c.slug).toMatch(KEBAB_ASCII);
  });

  it('has every parentSlug and departmentCode defined, and only two levels', () => {
    for (const c of categories) {
      expect(departmentCodes.has(c.departmentCode)).toBe(true);
      if (c.parentSlug !== null) {
        expect(slugs.has(c.parentSlug)).toBe(true);
        const parent = categories.find((p) => p.slug === c.parentSlug);
        expect(parent?.parentSlug).toBeNull();
      }
    }
  });

  it('has about 30 categories with integer sort orders', () => {
    expect(categories.length).toBeGreaterThanOrEqual(25);
    expect(categories.length).toBeLessThanOrEqual(45);
    for (const c of categories) expect(Number.isInteger(c.sortOrder)).toBe(true);
  });
});

describe('licence types', () => {
  it('has exactly the 9 licence type codes', () => {
    expect([...LICENCE_TYPE_CODES].sort()).toEqual(
      [
        'business_registration',
        'food_safety',
        'ocop',
        'vietgap',
        'globalgap',
        'haccp',
        'iso22000',
        'origin_certificate',
        'safe_production_commitment',
      ].sort(),
    );
    expect(licenceTypes.map((t) => t.code)).toEqual([...LICENCE_TYPE_CODES]);
  });

  it('gives stars to OCOP only', () => {
    expect(licenceTypes.filter((t) => t.hasStars).map((t) => t.code)).toEqual(['ocop']);
    expect([...OCOP_STARS]).toEqual([3, 4, 5]);
  });

  it('has the validity periods from the domain reference', () => {
    const validity = Object.fromEntries(licenceTypes.map((t) => [t.code, t.validityMonths]));
    expect(validity.ocop).toBe(36);
    expect(validity.food_safety).toBe(36);
    expect(validity.vietgap).toBeNull();
    expect(validity.business_registration).toBeNull();
  });

  it('requires an expiry date whenever a validity period applies', () => {
    for (const t of licenceTypes) {
      if (t.validityMonths !== null) expect(t.requiresExpiry).toBe(true);
      expect(t.issuers.length).toBeGreaterThan(0);
    }
    expect(EXPIRING_WITHIN_DAYS).toBe(30);
  });
});

describe('code lists', () => {
  const lists = [
    ['payment methods', PAYMENT_METHODS, PAYMENT_METHOD_CODES],
    ['delivery methods', DELIVERY_METHODS, DELIVERY_METHOD_CODES],
    ['market kinds', MARKET_KINDS, MARKET_KIND_CODES],
    ['legal forms', LEGAL_FORMS, LEGAL_FORM_CODES],
    ['directory kinds', DIRECTORY_KINDS, DIRECTORY_KIND_CODES],
    ['legal document kinds', LEGAL_DOCUMENT_KINDS, LEGAL_DOCUMENT_KIND_CODES],
  ] as const;

  it.each(lists)('%s: codes match the items, are unique and snake_case', (_label, items, codes) => {
    expect([...codes]).toEqual(items.map((i) => i.code));
    expect(duplicates([...codes])).toEqual([]);
    for (const item of items) {
      expect(item.code).toMatch(/^[a-z]+(?:_[a-z0-9]+)*$/);
      expect(item.name.trim()).not.toBe('');
    }
  });
});
