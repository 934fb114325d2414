import ExcelJS from 'exceljs';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { slugify } from '@sgd/plugin-core';
import { U, makeLicence, makeProduct, makeSeller, unique } from '../factories';
import { makeOfficer, makeSiteUser, type Officer } from '../staff';

/**
 * Statistics, exports and the yearly report (QC Điều 10.3, 20): every figure of the dashboard against
 * a department of its own with known counts, scoping (an officer sees only their department, the super
 * admin all), CSV and XLSX exports with typed cells, no private field in any export, the audit log.
 */
let app: TestApp;
const http = () => request(app.strapi.server.httpServer);
const as = (officer: Officer) => ({ Authorization: `Bearer ${officer.token}` });
const DAY = 86_400_000;
const NOW = Date.now();
const vietnamDate = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
const TODAY = vietnamDate(NOW);
const YEAR = TODAY.slice(0, 4);
const PERIOD = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
const inDays = (days: number) => vietnamDate(NOW + days * DAY);

const ORDER_CONTACT = {
  phone: '0987001122',
  email: 'nguoimua.thongke@example.vn',
  address: '45 hẻm Thống Kê, ấp Bình',
};
const SELLER_PRIVATE = { citizenId: '082199887766', phone: '0911223344', email: 'chu.thongke@example.vn' };

const ids = {} as {
  deptA: number;
  deptB: number;
  commune: string;
  communeName: string;
  categories: string[];
  seller: string;
};
const staff = {} as Record<'a1' | 'a2' | 'b' | 'none' | 'admin', Officer>;

type Table = { key: string; columns: { key: string; label: string }[]; rows: Record<string, unknown>[] };
const tableOf = (body: { data: Table[] }, key: string) => {
  const table = body.data.find((t) => t.key === key);
  if (!table) throw new Error(`Thiếu bảng ${key}`);
  return table;
};
const rowsOf = (body: { data: Table[] }, key: string) => tableOf(body, key).rows;

async function rawUpdate(uid: string, id: number, data: Record<string, unknown>) {
  const meta = app.strapi.db.metadata.get(uid as never);
  const row: Record<string, unknown> = {};
  for (const [attribute, value] of Object.entries(data)) {
    const column = (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    row[column] =
      app.strapi.db.dialect.client === 'sqlite' && value instanceof Date ? value.getTime() : value;
  }
  await app.strapi.db.connection(meta.tableName).where({ id }).update(row);
}

beforeAll(async () => {
  app = await bootStrapi('stats');
  const strapi = app.strapi;
  const department = (name: string) =>
    strapi.db.query(U.department).create({
      data: { name: unique(name), code: unique('TK').replace(/\s/g, '').slice(0, 20) },
    }) as Promise<{ id: number; code: string }>;
  const a = await department('Sở Thử nghiệm Thống kê');
  const b = await department('Sở Đối chứng Thống kê');
  ids.deptA = a.id;
  ids.deptB = b.id;
  const unit = (await strapi.db.query(U.unit).create({
    data: {
      name: unique('Xã Thống Kê'),
      code: `9${process.pid % 100000}`.slice(0, 10),
      level: 'commune',
      effectiveFrom: '2025-07-01',
    },
  })) as { id: number; code: string; name: string };
  ids.commune = unit.code;
  ids.communeName = unit.name;
  const codeOf = async (id: number) =>
    ((await strapi.db.query(U.department).findOne({ where: { id } })) as { code: string }).code;
  staff.a1 = await makeOfficer(strapi, 'specialist', [await codeOf(ids.deptA)]);
  staff.a2 = await makeOfficer(strapi, 'head_of_division', [await codeOf(ids.deptA)]);
  staff.b = await makeOfficer(strapi, 'specialist', [await codeOf(ids.deptB)]);
  staff.none = await makeOfficer(strapi, 'specialist', []);
  staff.admin = await makeOfficer(strapi, 'super_admin', []);

  const department_ = { department: ids.deptA };
  const s1 = await makeSeller(strapi, {
    ...department_,
    ...SELLER_PRIVATE,
    legalForm: 'enterprise',
    commune: unit.id,
    verifiedAt: `${YEAR}-06-01T02:00:00.000Z`,
  });
  const s2 = await makeSeller(strapi, { ...department_, legalForm: 'cooperative' });
  ids.seller = s2.documentId;
  await makeSeller(strapi, { ...department_, legalForm: 'household', verificationStatus: 'pending' }, false);
  await makeSeller(
    strapi,
    { ...department_, legalForm: 'individual', verificationStatus: 'rejected' },
    false,
  );

  const licence = (overrides: Record<string, unknown>, publish = true) =>
    makeLicence(strapi, s1.documentId, { ...department_, ...overrides }, publish);
  const l1 = await licence({
    type: 'food_safety',
    expiresOn: inDays(10),
    verifiedAt: `${YEAR}-06-01T02:00:00.000Z`,
  });
  const l2 = await licence({ type: 'ocop', ocopStars: 4, expiresOn: inDays(45) });
  const l3 = await licence({ type: 'ocop', ocopStars: 5, expiresOn: inDays(80) });
  await licence({ type: 'vietgap', expiresOn: inDays(200) });
  await licence({ type: 'food_safety', expiresOn: inDays(5), verificationStatus: 'pending' }, false);

  const categories = (await strapi.db.query(U.category).findMany({ orderBy: { id: 'asc' }, limit: 2 })) as {
    id: number;
    name: string;
  }[];
  ids.categories = categories.map((c) => c.name);
  const product = (seller: string, overrides: Record<string, unknown>, publish = true) =>
    makeProduct(strapi, seller, { ...department_, ...overrides }, publish);
  const p1 = await product(s1.documentId, {
    category: categories[0].id,
    licences: [l1.documentId, l2.documentId],
  });
  await product(s1.documentId, { category: categories[0].id, licences: [l3.documentId] });
  const p3 = await product(s2.documentId, { category: categories[1].id });
  await product(s2.documentId, { reviewStatus: 'pending', licences: [l1.documentId] }, false);

  const order = (seller: { id: number; name?: unknown }, placedAt: string, orderStatus: string) =>
    strapi.db.query('plugin::orders.order').create({
      data: {
        code: unique('DH').replace(/\s/g, '').slice(0, 20),
        orderStatus,
        seller: seller.id,
        sellerName: String(seller.name),
        contactName: 'Người Mua Thống Kê',
        contactPhone: ORDER_CONTACT.phone,
        contactEmail: ORDER_CONTACT.email,
        deliveryAddress: ORDER_CONTACT.address,
        paymentMethod: 'cash_on_delivery',
        deliveryMethod: 'carrier',
        total: 120000,
        department: ids.deptA,
        placedAt,
        statusChangedAt: placedAt,
      },
    });
  await order(s1, `${YEAR}-03-10T03:00:00.000Z`, 'delivered');
  await order(s2, `${YEAR}-03-20T03:00:00.000Z`, 'cancelled');
  await order(s1, `${YEAR}-05-05T03:00:00.000Z`, 'placed');
  await order(s1, `${Number(YEAR) - 1}-12-30T03:00:00.000Z`, 'delivered');

  const complaint = (openedAt: string, complaintStatus: string) =>
    strapi.db.query('plugin::complaints.complaint').create({
      data: {
        documentId: unique('kn').replace(/\s/g, ''),
        title: unique('Khiếu nại'),
        orderCode: 'DH-THU',
        seller: s1.id,
        sellerName: String(s1.name),
        subject: 'Hàng giao thiếu',
        description: 'Thiếu một hộp.',
        remedy: 'refund',
        complaintStatus,
        reviewStatus: 'draft',
        department: ids.deptA,
        publishedAt: null,
        openedAt,
        sellerDueAt: openedAt,
        statusChangedAt: openedAt,
      },
    });
  await complaint(`${YEAR}-04-01T03:00:00.000Z`, 'escalated');
  await complaint(`${YEAR}-06-01T03:00:00.000Z`, 'resolved');

  const review = (reviewStatus: string, productStars: number) =>
    strapi.db.query('plugin::reviews.review').create({
      data: {
        documentId: unique('dg').replace(/\s/g, ''),
        title: unique('Đánh giá'),
        seller: s1.id,
        authorName: 'Người Mua Thống Kê',
        productStars,
        text: 'Hàng tốt, giao nhanh.',
        orderProductKey: unique('k'),
        reviewStatus,
        department: ids.deptA,
        publishedAt: null,
      },
    });
  await review('approved', 5);
  await review('approved', 4);
  await review('pending', 2);

  // Submissions about known items: the product p1 and the seller s1 are in the commune, p3 is not.
  const task = (data: Record<string, unknown>) =>
    strapi.db.query('plugin::workflow.task').create({
      data: {
        workflow: 'product_review',
        targetUid: U.product,
        targetDocumentId: unique('doc').replace(/\s/g, ''),
        title: unique('Hồ sơ'),
        stageStartedAt: data.submittedAt,
        departmentId: ids.deptA,
        ...data,
      },
    }) as Promise<{ id: number; targetDocumentId: string }>;
  const t1 = await task({
    targetDocumentId: p1.documentId,
    state: 'approved',
    submittedAt: new Date(`${YEAR}-02-02T02:00:00.000Z`),
    closedAt: new Date(`${YEAR}-02-04T02:00:00.000Z`),
    assigneeId: staff.a1.id,
  });
  const t2 = await task({
    targetDocumentId: p3.documentId,
    state: 'rejected',
    submittedAt: new Date(`${YEAR}-02-10T02:00:00.000Z`),
    closedAt: new Date(`${YEAR}-02-13T02:00:00.000Z`),
    assigneeId: staff.a1.id,
  });
  await task({
    workflow: 'seller_verification',
    targetUid: U.seller,
    targetDocumentId: s1.documentId,
    state: 'in_review',
    submittedAt: new Date(NOW - 5 * DAY),
    dueAt: new Date(NOW - 2 * DAY),
    assigneeId: staff.a1.id,
  });
  await task({ state: 'in_review', submittedAt: new Date(NOW - DAY), dueAt: new Date(NOW + 3 * DAY) });
  const history = async (
    task: { id: number; targetDocumentId: string },
    action: string,
    toState: string,
    actor: Officer,
    at: string,
    late: boolean,
  ) => {
    const row = (await strapi.db.query('plugin::workflow.history-entry').create({
      data: {
        taskId: task.id,
        workflow: 'product_review',
        targetUid: U.product,
        targetDocumentId: task.targetDocumentId,
        action,
        toState,
        actorAdminId: actor.id,
        actorName: 'Cán bộ',
        departmentId: ids.deptA,
        late,
      },
    })) as { id: number };
    await rawUpdate('plugin::workflow.history-entry', row.id, { createdAt: new Date(at) });
  };
  await history(t1, 'approve', 'in_review', staff.a2, `${YEAR}-02-03T02:00:00.000Z`, false);
  await history(t1, 'approve', 'approved', staff.a1, `${YEAR}-02-04T02:00:00.000Z`, false);
  await history(t2, 'reject', 'rejected', staff.a1, `${YEAR}-02-13T02:00:00.000Z`, true);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('dashboard figures', () => {
  let body: { data: Table[]; meta: Record<string, unknown> };
  beforeAll(async () => {
    const res = await http().get('/stats/dashboard').query(PERIOD).set(as(staff.a1));
    expect(res.status).toBe(200);
    body = res.body;
  });

  it('counts sellers by verification status and by legal form', () => {
    expect(rowsOf(body, 'sellers-by-status')).toEqual([
      { status: 'Chưa gửi xác minh', count: 0 },
      { status: 'Chờ xác minh', count: 1 },
      { status: 'Chờ bổ sung', count: 0 },
      { status: 'Đã xác minh', count: 2 },
      { status: 'Bị từ chối', count: 1 },
      { status: 'Bị khóa', count: 0 },
    ]);
    expect(rowsOf(body, 'sellers-by-legal-form')).toEqual([
      { legalForm: 'Doanh nghiệp', count: 1, verified: 1 },
      { legalForm: 'Hợp tác xã', count: 1, verified: 1 },
      { legalForm: 'Hộ kinh doanh', count: 1, verified: 0 },
      { legalForm: 'Cá nhân', count: 1, verified: 0 },
    ]);
  });

  it('counts products by status, category, department, licence type and OCOP stars', () => {
    expect(rowsOf(body, 'products-by-status')).toEqual(
      expect.arrayContaining([
        { status: 'Đã duyệt', count: 3 },
        { status: 'Chờ duyệt', count: 1 },
      ]),
    );
    const [first, second] = ids.categories;
    expect(rowsOf(body, 'products-by-category')).toEqual([
      { category: first, count: 2 },
      { category: second, count: 1 },
    ]);
    expect(rowsOf(body, 'products-by-department')).toEqual([
      {
        department: body.meta.departments && (body.meta.departments as { name: string }[])[0].name,
        count: 3,
      },
    ]);
    const byType = Object.fromEntries(
      rowsOf(body, 'products-by-licence-type').map((r) => [r.licenceType, r.count]),
    );
    expect(byType).toMatchObject({ 'An toàn thực phẩm': 1, OCOP: 2, VietGAP: 0, 'Đăng ký kinh doanh': 0 });
    expect(rowsOf(body, 'products-by-ocop-stars')).toEqual([
      { stars: 'OCOP 3 sao', count: 0 },
      { stars: 'OCOP 4 sao', count: 1 },
      { stars: 'OCOP 5 sao', count: 1 },
    ]);
  });

  it('counts verified licences expiring within 30, 60 and 90 days', () => {
    const rows = Object.fromEntries(
      rowsOf(body, 'licences-expiring').map(({ licenceType, ...r }) => [licenceType, r]),
    );
    expect(rows['An toàn thực phẩm']).toEqual({ within30: 1, within60: 1, within90: 1 });
    expect(rows.OCOP).toEqual({ within30: 0, within60: 1, within90: 2 });
    expect(rows.VietGAP).toEqual({ within30: 0, within60: 0, within90: 0 });
  });

  it('counts submissions, handling time and overdue items per department and per officer', () => {
    expect(rowsOf(body, 'submissions-by-department')).toEqual([
      {
        department: (body.meta.departments as { name: string }[])[0].name,
        received: 4,
        approved: 1,
        rejected: 1,
        averageDays: 2.5,
        decidedLate: 1,
        overdueOpen: 1,
      },
    ]);
    const officers = rowsOf(body, 'submissions-by-officer');
    expect(officers).toHaveLength(2);
    const a1 = officers.find((r) => String(r.officer).includes('specialist'));
    const a2 = officers.find((r) => String(r.officer).includes('head_of_division'));
    expect(a1).toMatchObject({
      decisions: 2,
      approved: 1,
      rejected: 1,
      supplements: 0,
      averageDays: 2.5,
      decidedLate: 1,
      assigned: 1,
      overdueOpen: 1,
    });
    // The head of division's "approve and forward" is an approval of theirs, though the task went on.
    expect(a2).toMatchObject({
      decisions: 1,
      approved: 1,
      rejected: 0,
      decidedLate: 0,
      averageDays: null,
      assigned: 0,
    });
    expect(JSON.stringify(officers)).not.toContain('@sangiaodich.local');
  });

  it('counts orders by status and by month, reviews and complaints in the period', () => {
    expect(rowsOf(body, 'orders-by-status')).toEqual(
      expect.arrayContaining([
        { status: 'Đã đặt', count: 1 },
        { status: 'Đã giao hàng', count: 1 },
        { status: 'Đã hủy', count: 1 },
        { status: 'Đang giao hàng', count: 0 },
      ]),
    );
    expect(rowsOf(body, 'orders-by-month')).toEqual([
      expect.objectContaining({ month: `${YEAR}-03`, total: 2, delivered: 1, cancelled: 1, placed: 0 }),
      expect.objectContaining({ month: `${YEAR}-05`, total: 1, placed: 1 }),
    ]);
    expect(rowsOf(body, 'reviews-by-status')).toEqual(
      expect.arrayContaining([
        { status: 'Đã duyệt', count: 2, productStars: 4.5 },
        { status: 'Chờ duyệt', count: 1, productStars: 2 },
        { status: 'Bị từ chối', count: 0, productStars: null },
      ]),
    );
    expect(rowsOf(body, 'complaints-by-status')).toEqual(
      expect.arrayContaining([
        { status: 'Ban quản lý Sàn đang xử lý', count: 1 },
        { status: 'Đã giải quyết', count: 1 },
        { status: 'Chờ người bán giải quyết', count: 0 },
      ]),
    );
  });

  it('narrows to a commune (sellers there and their products, orders, reviews, complaints)', async () => {
    const res = await http()
      .get('/stats/dashboard')
      .query({ ...PERIOD, commune: ids.commune })
      .set(as(staff.a1));
    expect(res.status).toBe(200);
    expect(res.body.meta.commune).toEqual({ code: ids.commune, name: ids.communeName });
    expect(rowsOf(res.body, 'sellers-by-status').find((r) => r.status === 'Đã xác minh')).toEqual({
      status: 'Đã xác minh',
      count: 1,
    });
    expect(rowsOf(res.body, 'products-by-department')[0]).toMatchObject({ count: 2 });
    expect(rowsOf(res.body, 'orders-by-status').find((r) => r.status === 'Đã hủy')).toEqual({
      status: 'Đã hủy',
      count: 0,
    });
    // Submissions about the commune's seller and its product only (not the other seller's product).
    expect(rowsOf(res.body, 'submissions-by-department')).toEqual([
      expect.objectContaining({
        received: 2,
        approved: 1,
        rejected: 0,
        averageDays: 2,
        decidedLate: 0,
        overdueOpen: 1,
      }),
    ]);
    const officers = rowsOf(res.body, 'submissions-by-officer');
    expect(officers.find((r) => String(r.officer).includes('specialist'))).toMatchObject({
      decisions: 1,
      approved: 1,
      rejected: 0,
      assigned: 1,
      overdueOpen: 1,
    });
    expect(officers.find((r) => String(r.officer).includes('head_of_division'))).toMatchObject({
      decisions: 1,
      approved: 1,
    });
  });

  it('narrows to a period', async () => {
    const res = await http()
      .get('/stats/dashboard')
      .query({ from: `${YEAR}-03-01`, to: `${YEAR}-03-31` })
      .set(as(staff.a1));
    expect(res.status).toBe(200);
    expect(rowsOf(res.body, 'orders-by-month')).toEqual([
      expect.objectContaining({ month: `${YEAR}-03`, total: 2 }),
    ]);
    expect(rowsOf(res.body, 'submissions-by-department')[0]).toMatchObject({
      received: 0,
      approved: 0,
      decidedLate: 0,
    });
  });
});

describe('scope', () => {
  it('shows an officer their department only, and refuses another department', async () => {
    const own = await http().get('/stats/dashboard').set(as(staff.b));
    expect(own.status).toBe(200);
    expect((own.body.meta.departments as { id: number }[]).map((d) => d.id)).toEqual([ids.deptB]);
    expect(rowsOf(own.body, 'sellers-by-status').every((r) => r.count === 0)).toBe(true);
    expect(rowsOf(own.body, 'submissions-by-officer')).toEqual([]);

    const other = await http().get('/stats/dashboard').query({ department: ids.deptA }).set(as(staff.b));
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe('Bạn chỉ xem được thống kê của sở mình phụ trách.');
    const exported = await http()
      .get('/stats/export/sellers-by-status')
      .query({ department: ids.deptA })
      .set(as(staff.b));
    expect(exported.status).toBe(403);
  });

  it('refuses an officer linked to no department, a site user and a visitor', async () => {
    const none = await http().get('/stats/dashboard').set(as(staff.none));
    expect(none.status).toBe(403);
    expect(none.body.error.message).toMatch(/chưa được gắn với sở nào/);
    const user = await makeSiteUser(app.strapi);
    expect(
      (
        await http()
          .get('/stats/dashboard')
          .set({ Authorization: `Bearer ${user.jwt}` })
      ).status,
    ).toBe(401);
    expect((await http().get('/stats/dashboard')).status).toBe(401);
  });

  it('shows the super admin every department, or the one chosen', async () => {
    const all = await http().get('/stats/dashboard').query(PERIOD).set(as(staff.admin));
    expect(all.status).toBe(200);
    expect((all.body.meta.departments as unknown[]).length).toBeGreaterThan(2);
    const verifiedAll = rowsOf(all.body, 'sellers-by-status').find((r) => r.status === 'Đã xác minh')!
      .count as number;
    expect(verifiedAll).toBeGreaterThan(2);
    const one = await http()
      .get('/stats/dashboard')
      .query({ ...PERIOD, department: ids.deptA })
      .set(as(staff.admin));
    const mine = await http().get('/stats/dashboard').query(PERIOD).set(as(staff.a1));
    expect(one.body.data).toEqual(mine.body.data);
  });

  it('answers 400 with a message for bad filters and 404 for an unknown commune', async () => {
    const bad = await http().get('/stats/dashboard').query({ from: '2026-13-40' }).set(as(staff.a1));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('Ngày không hợp lệ.');
    const reversed = await http()
      .get('/stats/dashboard')
      .query({ from: `${YEAR}-05-01`, to: `${YEAR}-04-01` })
      .set(as(staff.a1));
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toBe('Ngày bắt đầu phải trước ngày kết thúc.');
    const unknown = await http().get('/stats/dashboard').query({ commune: '99999999' }).set(as(staff.a1));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Không có xã, phường với mã này.');
    const extra = await http().get('/stats/dashboard').query({ populate: '*' }).set(as(staff.a1));
    expect(extra.status).toBe(400);
  });
});

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};
const download = (path: string, officer: Officer, query: Record<string, unknown>) =>
  http()
    .get(path)
    .query(query)
    .set(as(officer))
    .buffer(true)
    .parse(binary as never);

async function workbook(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as never);
  return book;
}

describe('exports', () => {
  it('exports a table as CSV with Vietnamese headers', async () => {
    const res = await download('/stats/export/sellers-by-legal-form', staff.a1, { ...PERIOD, format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    // Named with the table, the department and the period, in Vietnamese (an ASCII copy for old clients).
    const department = (
      await app.strapi.db.query('plugin::core.department').findOne({ where: { id: ids.deptA } })
    ).name as string;
    const name = `Thống kê Chủ thể kinh doanh theo loại hình – ${department} – 01-01-${YEAR} đến 31-12-${YEAR}.csv`;
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${slugify(name.slice(0, -4))}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect((res.body as Buffer).toString('utf8')).toBe(
      '\uFEFFLoại hình,Số chủ thể,Đã xác minh\r\nDoanh nghiệp,1,1\r\nHợp tác xã,1,1\r\nHộ kinh doanh,1,0\r\nCá nhân,1,0\r\n',
    );
  });

  it('exports a table as XLSX with number and date cells, and records the export', async () => {
    const res = await download('/stats/export/orders-by-month', staff.a1, PERIOD);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = await workbook(res.body as Buffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Tháng');
    expect(sheet.getRow(1).getCell(2).value).toBe('Tổng số đơn');
    const month = sheet.getRow(2).getCell(1);
    expect(month.value).toEqual(new Date(`${YEAR}-03-01T00:00:00.000Z`));
    expect(month.numFmt).toBe('mm/yyyy');
    expect(sheet.getRow(2).getCell(2).value).toBe(2);
    expect(sheet.getRow(3).getCell(2).value).toBe(1);
    const info = book.getWorksheet('Thông tin')!;
    expect(info.getRow(3).getCell(2).value).toBe(`01/01/${YEAR} – 31/12/${YEAR}`);

    const audit = (await app.strapi.db.query('plugin::core.audit-entry').findMany({
      where: { action: 'stats.export', actorId: staff.a1.id, target: 'stats:orders-by-month' },
    })) as { details: Record<string, unknown> }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({
      format: 'xlsx',
      from: PERIOD.from,
      to: PERIOD.to,
      departmentIds: [ids.deptA],
    });
  });

  it('answers 404 for an unknown table and 400 for an unknown format', async () => {
    const unknown = await http().get('/stats/export/nguoi-mua').set(as(staff.a1));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Không có bảng thống kê này.');
    const format = await http()
      .get('/stats/export/sellers-by-status')
      .query({ format: 'pdf' })
      .set(as(staff.a1));
    expect(format.status).toBe(400);
    expect(format.body.error.message).toBe('Định dạng xuất là csv hoặc xlsx.');
  });

  it('puts no private field in any export, whoever exports', async () => {
    const dashboard = await http().get('/stats/dashboard').query(PERIOD).set(as(staff.admin));
    const officerEmails = Object.values(staff).map((o) => o.email);
    const forbidden = [
      ...Object.values(SELLER_PRIVATE),
      ...Object.values(ORDER_CONTACT),
      'Người Mua Thống Kê',
      '0912345678',
      'lienhe@thunghiem.vn',
      '082123456789',
      '12 đường 30/4',
      ...officerEmails,
    ];
    for (const table of dashboard.body.data as Table[]) {
      for (const format of ['csv', 'xlsx']) {
        const res = await download(`/stats/export/${table.key}`, staff.admin, { ...PERIOD, format });
        expect(res.status).toBe(200);
        const text =
          format === 'csv'
            ? (res.body as Buffer).toString('utf8')
            : JSON.stringify((await workbook(res.body as Buffer)).worksheets.map((s) => s.getSheetValues()));
        for (const value of forbidden) expect(text).not.toContain(value);
      }
    }
  });
});

describe('yearly report', () => {
  const EXPECTED: Record<string, number | null> = {
    'Chủ thể kinh doanh đăng ký mới': 4,
    'Chủ thể kinh doanh được xác minh': 1,
    'Sản phẩm đăng mới': 4,
    'Sản phẩm đăng mới đang được bán': 3,
    'Giấy phép, chứng nhận được nộp': 5,
    'Giấy phép, chứng nhận được xác minh': 1,
    'Đơn hàng được đặt': 3,
    'Đơn hàng đã giao': 1,
    'Đơn hàng bị hủy': 1,
    'Khiếu nại của người mua': 2,
    'Khiếu nại chuyển Ban quản lý Sàn': 1,
    'Hồ sơ kiểm duyệt nhận được': 4,
    'Hồ sơ được duyệt': 1,
    'Hồ sơ bị từ chối': 1,
    'Lượt xử lý đúng hạn': 2,
    'Lượt xử lý quá hạn': 1,
    'Tỷ lệ xử lý đúng hạn (%)': 66.7,
    'Thời gian xử lý trung bình (ngày)': 2.5,
  };

  it("gives a department's yearly figures for the printable page", async () => {
    const res = await http().get('/stats/report').query({ year: YEAR }).set(as(staff.a1));
    expect(res.status).toBe(200);
    expect(res.body.data.title).toMatch(
      new RegExp(`^Báo cáo tình hình thương mại điện tử năm ${YEAR} – Sở Thử nghiệm Thống kê`),
    );
    const values = Object.fromEntries(
      (res.body.data.summary.rows as { indicator: string; value: number | null }[]).map((r) => [
        r.indicator,
        r.value,
      ]),
    );
    expect(values).toEqual(EXPECTED);
  });

  it('builds the yearly report as XLSX, records it, and refuses another department', async () => {
    const res = await download('/stats/report/xlsx', staff.a1, { year: YEAR });
    expect(res.status).toBe(200);
    const book = await workbook(res.body as Buffer);
    const sheet = book.getWorksheet('Tổng hợp')!;
    const values: Record<string, unknown> = {};
    sheet.eachRow((row, index) => {
      if (index > 1) values[String(row.getCell(2).value)] = row.getCell(3).value;
    });
    expect(values).toEqual(EXPECTED);
    // Sheet tabs read whole words: a title longer than Excel's 31 characters has a short name.
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Hồ sơ kiểm duyệt theo sở',
      'Hồ sơ kiểm duyệt theo cán bộ',
      'Đơn hàng theo tháng đặt',
      'Khiếu nại theo trạng thái',
      'Thông tin',
    ]);
    const audit = await app.strapi.db.query('plugin::core.audit-entry').count({
      where: { action: 'stats.export', actorId: staff.a1.id, target: `stats:yearly-report:${YEAR}` },
    });
    expect(audit).toBe(1);

    const other = await http()
      .get('/stats/report/xlsx')
      .query({ year: YEAR, department: ids.deptA })
      .set(as(staff.b));
    expect(other.status).toBe(403);
    const future = await http()
      .get('/stats/report')
      .query({ year: Number(YEAR) + 1 })
      .set(as(staff.a1));
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe('Năm báo cáo chưa bắt đầu.');
  });
});

// Last: it adds a product, which the figures above do not expect.
describe('cached dashboard', () => {
  const dashboard = (query: Record<string, string> = {}) =>
    http()
      .get('/stats/dashboard')
      .query({ ...PERIOD, ...query })
      .set(as(staff.a1));
  const approved = (body: { data: Table[] }) =>
    rowsOf(body, 'products-by-status').find((r) => r.status === 'Đã duyệt')!.count as number;

  it('serves the same figures within a minute, recomputes on fresh=1 and after a write through Strapi', async () => {
    const first = await dashboard();
    expect(first.status).toBe(200);
    const again = await dashboard();
    expect(again.body.meta.at).toBe(first.body.meta.at);
    expect(again.body.data).toEqual(first.body.data);

    const fresh = await dashboard({ fresh: '1' });
    expect(Date.parse(fresh.body.meta.at)).toBeGreaterThan(Date.parse(first.body.meta.at));
    expect(fresh.body.data).toEqual(first.body.data);

    await makeProduct(app.strapi, ids.seller, { department: ids.deptA });
    const afterWrite = await dashboard();
    expect(Date.parse(afterWrite.body.meta.at)).toBeGreaterThan(Date.parse(fresh.body.meta.at));
    expect(approved(afterWrite.body)).toBe(approved(first.body) + 1);
  });

  it('reads products and officers’ decisions once per dashboard, however many tables share them', async () => {
    const statements: string[] = [];
    const listen = (query: { sql: string }) => statements.push(query.sql);
    app.strapi.db.connection.on('query', listen);
    try {
      expect((await dashboard({ fresh: '1' })).status).toBe(200);
    } finally {
      app.strapi.db.connection.removeListener('query', listen);
    }
    const count = (pattern: RegExp) => statements.filter((sql) => pattern.test(sql)).length;
    // Products by category and by department: one pass; decisions per officer and per department: one.
    expect(count(/products_category_lnk/)).toBe(1);
    expect(count(/from [`"]wf_history[`"] as [`"]h[`"]/)).toBe(1);
  });

  it('accepts only fresh=1', async () => {
    const res = await dashboard({ fresh: 'true' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      data: null,
      error: expect.objectContaining({
        status: 400,
        name: 'ValidationError',
        message: 'Tham số fresh chỉ nhận giá trị 1.',
      }),
    });
  });
});
