import request from 'supertest';
import { REVIEW_LIMITS } from '@sgd/config';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeProduct, makeSeller, unique } from '../factories';
import { Mailbox } from '../mailbox';
import { SITE_PASSWORD, makeOfficer, makeSiteUser, type Officer } from '../staff';

/**
 * Reviews and comments (QC Điều 10.3, 11, 25.4): who may write, moderation through the workflow,
 * stored averages that change only on approval, the seller's one answer, plain text, the banned-words
 * flag, the write limit, and what the public and other users can read.
 */
let app: TestApp;
let officer: Officer;
const mailbox = new Mailbox();
const REVIEW = 'plugin::reviews.review';
const COMMENT = 'plugin::reviews.comment';
const ANSWER = 'plugin::reviews.answer';

type User = Awaited<ReturnType<typeof makeSiteUser>>;
interface Shop {
  owner: User;
  seller: { id: number; documentId: string; name: string; slug: string };
  products: { documentId: string; name: string; slug: string }[];
}

const http = () => request(app.strapi.server.httpServer);
const asUser = (user: User) => ({ Authorization: `Bearer ${user.jwt}` });
const asOfficer = (o: Officer) => ({ Authorization: `Bearer ${o.token}` });
let keyCounter = 0;

async function userNamed(fullName: string | null): Promise<User> {
  const user = await makeSiteUser(app.strapi);
  if (fullName) {
    await app.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { id: user.id }, data: { fullName } });
  }
  return user;
}

/** A verified seller whose owner has the Seller role, with two products on sale. */
async function shop(): Promise<Shop> {
  const owner = await makeSiteUser(app.strapi);
  const role = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'seller' } })) as { id: number };
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: owner.id }, data: { role: role.id } });
  const seller = (await makeSeller(app.strapi, {
    owner: owner.id,
    email: owner.email,
  })) as unknown as Shop['seller'];
  const products = [] as Shop['products'];
  for (const name of ['Xoài cát Hòa Lộc', 'Mật ong hoa nhãn']) {
    products.push(
      (await makeProduct(app.strapi, seller.documentId, {
        name: unique(name),
        price: 85000,
      })) as unknown as Shop['products'][number],
    );
  }
  return { owner, seller, products };
}

const act = (user: User, code: string, action: string) =>
  http().post(`/api/orders/${code}/actions`).set(asUser(user)).send({ action });

/** An order of both products of a shop, placed by `buyer` and driven through the API to `status`. */
async function orderIn(s: Shop, buyer: User, status: 'awaiting_confirmation' | 'delivered') {
  const res = await http()
    .post('/api/orders')
    .set(asUser(buyer))
    .set('Idempotency-Key', `danh-gia-${process.pid}-${(keyCounter += 1)}`)
    .send({
      items: s.products.map((p) => ({ product: p.documentId, quantity: 1 })),
      contactName: 'Trần Thị Mua',
      contactPhone: '0912345678',
      deliveryAddress: '45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
      paymentMethod: 'cash_on_delivery',
      deliveryMethod: 'carrier',
    });
  expect(res.status).toBe(201);
  const code = res.body.data.code as string;
  if (status === 'delivered') {
    for (const [who, action] of [
      [s.owner, 'confirm'],
      [s.owner, 'ship'],
      [buyer, 'confirm_receipt'],
    ] as const) {
      expect((await act(who, code, action)).status).toBe(200);
    }
  }
  return code;
}

const postReview = (user: User, body: Record<string, unknown>) =>
  http().post('/api/reviews').set(asUser(user)).send(body);
const postComment = (user: User, body: Record<string, unknown>) =>
  http().post('/api/comments').set(asUser(user)).send(body);
const postAnswer = (user: User, body: Record<string, unknown>) =>
  http().post('/api/answers').set(asUser(user)).send(body);

async function taskOf(documentId: string) {
  return (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: documentId }, orderBy: { id: 'desc' } })) as {
    id: number;
    state: string;
    title: string;
    workflow: string;
  };
}

/** The officer decides the item's task through the workflow's admin routes. */
async function decide(documentId: string, action: 'approve' | 'reject') {
  const task = await taskOf(documentId);
  expect(task.workflow).toBe('review_comment');
  const claimed = await http().post(`/workflow/tasks/${task.id}/claim`).set(asOfficer(officer));
  expect(claimed.status).toBe(200);
  const res = await http()
    .post(`/workflow/tasks/${task.id}/actions`)
    .set(asOfficer(officer))
    .send(action === 'reject' ? { action, comment: 'Nội dung không phù hợp quy chế.' } : { action });
  expect(res.status).toBe(200);
  expect(res.body.data.task.state).toBe(action === 'approve' ? 'approved' : 'rejected');
}

const productRating = async (slug: string) =>
  (await http().get(`/api/products/${slug}`)).body.data.rating as { average: number | null; count: number };
const sellerRating = async (slug: string) =>
  (await http().get(`/api/sellers/${slug}`)).body.data.rating as { average: number | null; count: number };
const publicReviews = async (slug: string) => {
  const res = await http().get(`/api/products/${slug}/reviews`);
  expect(res.status).toBe(200);
  return res.body.data as Array<Record<string, unknown>>;
};
const publicComments = async (slug: string) => {
  const res = await http().get(`/api/products/${slug}/comments`);
  expect(res.status).toBe(200);
  return res.body.data as Array<Record<string, unknown>>;
};

const error = (status: number, name: string, message: string | jest.AsymmetricMatcher) => ({
  data: null,
  error: { status, name, message, details: expect.any(Object) },
});

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('reviews');
  officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
});
// The file writes more from one address than a person could in an hour (WRITE_RATE_LIMITS):
// each test starts with fresh counts; rate-limits.test.ts tests the limits themselves.
beforeEach(async () => {
  await (app.strapi.plugin('accounts').service('rate-limit') as { reset(): Promise<void> }).reset();
});
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
});

describe('who may review', () => {
  it('refuses a review before delivery, by someone else, of another product, and twice', async () => {
    const s = await shop();
    const buyer = await userNamed('Nguyễn Thị Minh');
    const pending = await orderIn(s, buyer, 'awaiting_confirmation');
    const body = (code: string, overrides: Record<string, unknown> = {}) => ({
      order: code,
      product: s.products[0].documentId,
      productStars: 5,
      sellerStars: 4,
      text: 'Xoài ngọt, giao hàng nhanh.',
      ...overrides,
    });

    expect((await postReview(buyer, body(pending))).body).toEqual(
      error(
        400,
        'ValidationError',
        'Chỉ đánh giá được đơn hàng đã giao. Hãy xác nhận đã nhận hàng trước khi đánh giá.',
      ),
    );
    const delivered = await orderIn(s, buyer, 'delivered');
    const stranger = await userNamed('Lê Văn Lạ');
    const byStranger = await postReview(stranger, body(delivered));
    expect(byStranger.status).toBe(404);
    expect(byStranger.body).toEqual(
      error(404, 'NotFoundError', 'Không tìm thấy đơn hàng này trong tài khoản của bạn.'),
    );
    const other = await shop();
    expect(
      (await postReview(buyer, body(delivered, { product: other.products[0].documentId }))).body,
    ).toEqual(error(400, 'ValidationError', 'Sản phẩm này không có trong đơn hàng.'));

    const first = await postReview(buyer, body(delivered));
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({
      documentId: expect.any(String),
      productStars: 5,
      sellerStars: 4,
      text: 'Xoài ngọt, giao hàng nhanh.',
      status: 'pending',
      product: { documentId: s.products[0].documentId, name: s.products[0].name },
      answer: null,
    });
    const again = await postReview(buyer, body(delivered, { productStars: 1 }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Bạn đã đánh giá sản phẩm này cho đơn hàng này.');
    // The seller is rated once per order: the second product's review may not rate the seller again.
    const secondProduct = body(delivered, { product: s.products[1].documentId });
    expect((await postReview(buyer, secondProduct)).body.error.message).toBe(
      'Bạn đã chấm điểm người bán cho đơn hàng này; chỉ chấm một lần mỗi đơn.',
    );
    const withoutSeller = await postReview(buyer, { ...secondProduct, sellerStars: null });
    expect(withoutSeller.status).toBe(201);
    expect(
      await app.strapi.db.query(REVIEW).count({ where: { author: { id: buyer.id }, publishedAt: null } }),
    ).toBe(2);
  });

  it('keeps one review per order and product when two requests race', async () => {
    const s = await shop();
    const buyer = await userNamed('Đỗ Văn Vội');
    const code = await orderIn(s, buyer, 'delivered');
    const body = {
      order: code,
      product: s.products[0].documentId,
      productStars: 4,
      sellerStars: 4,
      text: 'Gửi hai lần liền.',
    };
    const answers = await Promise.all([
      postReview(buyer, body),
      postReview(buyer, body),
      postReview(buyer, body),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409]);
    expect(
      await app.strapi.db.query(REVIEW).count({ where: { author: { id: buyer.id }, publishedAt: null } }),
    ).toBe(1);
    expect(
      await app.strapi.db.query('plugin::workflow.task').count({ where: { submitterUserId: buyer.id } }),
    ).toBe(1);
  });

  it('refuses fields the exchange sets, bad stars, and anonymous writers', async () => {
    const s = await shop();
    const buyer = await userNamed('Phạm Thu Hà');
    const code = await orderIn(s, buyer, 'delivered');
    const base = {
      order: code,
      product: s.products[0].documentId,
      productStars: 4,
      text: 'Sản phẩm đúng mô tả.',
    };
    for (const extra of [
      { reviewStatus: 'approved' },
      { author: 1 },
      { department: 1 },
      { authorName: 'Ai đó' },
    ]) {
      const res = await postReview(buyer, { ...base, ...extra });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'Dữ liệu có trường không được phép (trạng thái, tác giả, đơn hàng… do Sàn xác định).',
      );
    }
    for (const productStars of [0, 6, 3.5, '5']) {
      expect((await postReview(buyer, { ...base, productStars })).status).toBe(400);
    }
    expect((await http().post('/api/reviews').send(base)).status).toBe(403);
    expect(
      (await http().post('/api/comments').send({ product: s.products[0].documentId, text: 'Chào' })).status,
    ).toBe(403);
    expect((await http().post('/api/answers').send({ comment: 'x', text: 'Chào' })).status).toBe(403);
    expect((await http().get('/api/reviews/mine')).status).toBe(403);
    expect(await app.strapi.db.query(REVIEW).count({ where: { author: { id: buyer.id } } })).toBe(0);
  });
});

describe('moderation and averages', () => {
  it('counts a review only once approved: pending and rejected ones are neither public nor counted', async () => {
    const s = await shop();
    const slug = s.products[0].slug;
    const [a, b] = [await userNamed('Nguyễn Thị Minh'), await userNamed('Trần Văn Bình')];
    const [codeA, codeB] = [await orderIn(s, a, 'delivered'), await orderIn(s, b, 'delivered')];
    expect(await productRating(slug)).toEqual({ average: null, count: 0 });

    const ra = await postReview(a, {
      order: codeA,
      product: s.products[0].documentId,
      productStars: 5,
      sellerStars: 4,
      text: 'Xoài rất ngon, đóng gói cẩn thận.',
    });
    const rb = await postReview(b, {
      order: codeB,
      product: s.products[0].documentId,
      productStars: 2,
      sellerStars: 1,
      text: 'Giao chậm, xoài hơi dập.',
    });
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(await productRating(slug)).toEqual({ average: null, count: 0 });
    expect(await publicReviews(slug)).toEqual([]);

    await decide(ra.body.data.documentId, 'approve');
    expect(await productRating(slug)).toEqual({ average: 5, count: 1 });
    expect(await sellerRating(s.seller.slug)).toEqual({ average: 4, count: 1 });
    const shown = await publicReviews(slug);
    expect(shown).toEqual([
      {
        documentId: ra.body.data.documentId,
        authorName: 'Nguyễn T. M.',
        productStars: 5,
        sellerStars: 4,
        text: 'Xoài rất ngon, đóng gói cẩn thận.',
        publishedAt: expect.any(String),
        answer: null,
      },
    ]);
    const mine = await http().get('/api/reviews/mine').set(asUser(a));
    expect(mine.body.data[0].status).toBe('approved');

    await decide(rb.body.data.documentId, 'reject');
    expect(await productRating(slug)).toEqual({ average: 5, count: 1 });
    expect(await sellerRating(s.seller.slug)).toEqual({ average: 4, count: 1 });
    expect((await publicReviews(slug)).map((r) => r.documentId)).toEqual([ra.body.data.documentId]);

    // The rejected review no longer holds the order's place: its writer may write again, once.
    const rewrite = {
      order: codeB,
      product: s.products[0].documentId,
      productStars: 3,
      sellerStars: 2,
      text: 'Giao chậm, nhưng người bán đã đổi hàng.',
    };
    const again = await postReview(b, rewrite);
    expect(again.status).toBe(201);
    expect(again.body.data.status).toBe('pending');
    const third = await postReview(b, rewrite);
    expect(third.status).toBe(409);
    expect(third.body.error.message).toBe('Bạn đã đánh giá sản phẩm này cho đơn hàng này.');
    await decide(again.body.data.documentId, 'reject');

    // A third buyer's approved review moves the averages.
    const c = await userNamed(null);
    const codeC = await orderIn(s, c, 'delivered');
    const rc = await postReview(c, {
      order: codeC,
      product: s.products[0].documentId,
      productStars: 4,
      sellerStars: 3,
      text: 'Hàng ổn so với giá tiền.',
    });
    await decide(rc.body.data.documentId, 'approve');
    expect(await productRating(slug)).toEqual({ average: 4.5, count: 2 });
    expect(await sellerRating(s.seller.slug)).toEqual({ average: 3.5, count: 2 });
    expect((await publicReviews(slug)).map((r) => r.authorName)).toEqual(['Thành viên Sàn', 'Nguyễn T. M.']);
    // The other product of the shop is not affected.
    expect(await productRating(s.products[1].slug)).toEqual({ average: null, count: 0 });

    // An officer locks the approved review: it leaves the site and the averages.
    const lock = await http()
      .post('/workflow/locks')
      .set(asOfficer(officer))
      .send({ uid: REVIEW, documentId: rc.body.data.documentId, reason: 'Đánh giá không trung thực.' });
    expect(lock.status).toBe(200);
    expect(await productRating(slug)).toEqual({ average: 5, count: 1 });
    expect(await sellerRating(s.seller.slug)).toEqual({ average: 4, count: 1 });
  });

  it('lets any signed-in user comment; the comment is public once approved', async () => {
    const s = await shop();
    const user = await userNamed('Võ Thị Lan');
    const res = await postComment(user, {
      product: s.products[0].slug,
      text: '  Sản phẩm   này có giao về Cao Lãnh không?  ',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      text: 'Sản phẩm này có giao về Cao Lãnh không?',
      status: 'pending',
    });
    expect(await publicComments(s.products[0].slug)).toEqual([]);
    await decide(res.body.data.documentId, 'approve');
    expect(await publicComments(s.products[0].slug)).toEqual([
      {
        documentId: res.body.data.documentId,
        authorName: 'Võ T. L.',
        text: 'Sản phẩm này có giao về Cao Lãnh không?',
        publishedAt: expect.any(String),
        answer: null,
      },
    ]);
    const missing = await postComment(user, { product: 'khong-co-san-pham-nay', text: 'Chào shop' });
    expect(missing.body).toEqual(
      error(404, 'NotFoundError', 'Không tìm thấy sản phẩm, hoặc sản phẩm chưa được công bố.'),
    );
  });
});

describe("the seller's answer", () => {
  it("is written once (again if rejected), by the owner of the product's seller, to an approved item, and moderated", async () => {
    const s = await shop();
    const user = await userNamed('Đặng Quốc Huy');
    const comment = await postComment(user, {
      product: s.products[0].documentId,
      text: 'Mật ong có bị pha đường không?',
    });
    const target = { comment: comment.body.data.documentId, text: 'Mật ong nguyên chất, có kiểm nghiệm.' };

    // Not yet approved: nothing to answer.
    expect((await postAnswer(s.owner, target)).body).toEqual(
      error(404, 'NotFoundError', 'Không tìm thấy đánh giá hoặc bình luận đã được công bố.'),
    );
    await decide(comment.body.data.documentId, 'approve');
    const otherSeller = (await shop()).owner;
    for (const someone of [user, otherSeller]) {
      expect((await postAnswer(someone, target)).body).toEqual(
        error(403, 'PolicyError', 'Chỉ người bán của sản phẩm được trả lời đánh giá, bình luận này.'),
      );
    }
    // A refused submission (the seller is locked) leaves no draft behind to block the answer later.
    const sellers = app.strapi.db.query('plugin::sellers.seller');
    await sellers.updateMany({
      where: { documentId: s.seller.documentId },
      data: { verificationStatus: 'locked' },
    });
    const whileLocked = await postAnswer(s.owner, target);
    expect([whileLocked.status, whileLocked.body.error.message]).toEqual([
      409,
      'Chủ thể kinh doanh đang bị khóa nên không thể nộp hồ sơ.',
    ]);
    expect(await app.strapi.db.query(ANSWER).count({ where: { author: { id: s.owner.id } } })).toBe(0);
    await sellers.updateMany({
      where: { documentId: s.seller.documentId },
      data: { verificationStatus: 'verified' },
    });

    const answer = await postAnswer(s.owner, target);
    expect(answer.status).toBe(201);
    expect(answer.body.data).toMatchObject({
      status: 'pending',
      text: 'Mật ong nguyên chất, có kiểm nghiệm.',
    });
    const twice = await postAnswer(s.owner, { ...target, text: 'Trả lời lần hai.' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      name: 'ConflictError',
      message:
        'Đánh giá hoặc bình luận này đã có câu trả lời của người bán; mỗi nội dung chỉ trả lời một lần.',
    });
    expect((await postAnswer(s.owner, { text: 'Không có đích' })).status).toBe(400);

    // Moderated: a rejected answer is never public, and the seller may answer again.
    await decide(answer.body.data.documentId, 'reject');
    expect((await publicComments(s.products[0].slug))[0].answer).toBeNull();
    const rewritten = await postAnswer(s.owner, {
      ...target,
      text: 'Mật ong nguyên chất, có phiếu kiểm nghiệm.',
    });
    expect(rewritten.status).toBe(201);
    expect((await postAnswer(s.owner, { ...target, text: 'Trả lời lần ba.' })).status).toBe(409);
    // Public only after approval.
    expect((await publicComments(s.products[0].slug))[0].answer).toBeNull();
    await decide(rewritten.body.data.documentId, 'approve');
    expect((await publicComments(s.products[0].slug))[0].answer).toEqual({
      authorName: s.seller.name,
      text: 'Mật ong nguyên chất, có phiếu kiểm nghiệm.',
      publishedAt: expect.any(String),
    });
    expect(
      await app.strapi.db.query(ANSWER).count({ where: { author: { id: s.owner.id }, publishedAt: null } }),
    ).toBe(2);
  });
});

describe('text', () => {
  it('refuses HTML and stores nothing', async () => {
    const s = await shop();
    const user = await userNamed('Bùi Văn Tâm');
    for (const text of ['<b>ngon</b> lắm', 'Xem <img src=x onerror=alert(1)>', '<script>alert(1)</script>']) {
      const res = await postComment(user, { product: s.products[0].documentId, text });
      expect(res.body).toEqual(
        error(400, 'ValidationError', 'Nội dung không được chứa mã HTML; hãy nhập văn bản thường.'),
      );
    }
    const tooLong = await postComment(user, {
      product: s.products[0].documentId,
      text: 'a'.repeat(REVIEW_LIMITS.commentText.max + 1),
    });
    expect(tooLong.body.error.message).toBe(
      `Nội dung quá dài (tối đa ${REVIEW_LIMITS.commentText.max.toLocaleString('vi-VN')} ký tự).`,
    );
    expect((await postComment(user, { product: s.products[0].documentId, text: '   ' })).status).toBe(400);
    expect(await app.strapi.db.query(COMMENT).count({ where: { author: { id: user.id } } })).toBe(0);
  });

  it('flags a banned word for the officer without refusing it, and keeps the flag private', async () => {
    const s = await shop();
    const user = await userNamed('Hồ Thị Thu');
    const res = await postComment(user, {
      product: s.products[0].documentId,
      text: 'Shop này LUA DAO, bán hàng gia!',
    });
    expect(res.status).toBe(201);
    const row = (await app.strapi.db
      .query(COMMENT)
      .findOne({ where: { documentId: res.body.data.documentId, publishedAt: null } })) as {
      flaggedWords: string;
    };
    expect(row.flaggedWords).toBe('lừa đảo, hàng giả');
    expect((await taskOf(res.body.data.documentId)).title).toMatch(
      /^\[Cần xem: lừa đảo, hàng giả\] Bình luận/,
    );
    expect(res.body.data).not.toHaveProperty('flaggedWords');
    // The officer sees the flag in the content manager, without the author's account.
    const read = await http()
      .get(`/content-manager/collection-types/${COMMENT}/${res.body.data.documentId}`)
      .set(asOfficer(officer));
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ flaggedWords: 'lừa đảo, hàng giả', authorName: 'Hồ T. T.' });
    expect(read.body.data).not.toHaveProperty('author');

    const clean = await postComment(user, {
      product: s.products[0].documentId,
      text: 'Hàng giảm giá, rất tốt.',
    });
    const cleanRow = (await app.strapi.db
      .query(COMMENT)
      .findOne({ where: { documentId: clean.body.data.documentId, publishedAt: null } })) as {
      flaggedWords: string | null;
    };
    expect(cleanRow.flaggedWords).toBeNull();

    await decide(res.body.data.documentId, 'approve');
    const shown = (await publicComments(s.products[0].slug)).find(
      (c) => c.documentId === res.body.data.documentId,
    );
    expect(Object.keys(shown ?? {}).sort()).toEqual([
      'answer',
      'authorName',
      'documentId',
      'publishedAt',
      'text',
    ]);
  });

  it(`limits each user to ${REVIEW_LIMITS.writes} writes per ${REVIEW_LIMITS.windowMinutes} minutes`, async () => {
    const s = await shop();
    const user = await userNamed('Lý Văn Nhanh');
    for (let i = 0; i < REVIEW_LIMITS.writes; i += 1) {
      expect(
        (await postComment(user, { product: s.products[0].documentId, text: `Câu hỏi số ${i + 1}` })).status,
      ).toBe(201);
    }
    const over = await postComment(user, { product: s.products[0].documentId, text: 'Một câu nữa' });
    expect(over.body).toEqual(
      error(
        429,
        'RateLimitError',
        `Bạn đã gửi quá ${REVIEW_LIMITS.writes} đánh giá, bình luận hoặc trả lời trong ${REVIEW_LIMITS.windowMinutes} phút. Vui lòng thử lại sau.`,
      ),
    );
    // Another user is not affected.
    expect(
      (await postComment(await userNamed(null), { product: s.products[0].documentId, text: 'Chào shop' }))
        .status,
    ).toBe(201);
  });
});

describe('ownership and privacy', () => {
  it('shows my reviews and comments to me only; nobody else reads or changes them', async () => {
    const s = await shop();
    const [me, other] = [await userNamed('Mai Anh Đào'), await userNamed('Tô Văn Khác')];
    const code = await orderIn(s, me, 'delivered');
    const review = await postReview(me, {
      order: code,
      product: s.products[0].documentId,
      productStars: 3,
      text: 'Tạm được, cần cải thiện.',
    });
    const comment = await postComment(me, { product: s.products[0].documentId, text: 'Có bán sỉ không?' });
    const reviewId = review.body.data.documentId as string;

    const mine = await http().get('/api/reviews/mine').set(asUser(me));
    expect(mine.body.data.map((r: { documentId: string }) => r.documentId)).toEqual([reviewId]);
    expect(mine.body.meta.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 1 });
    expect(
      (await http().get('/api/comments/mine').set(asUser(me))).body.data.map(
        (c: { documentId: string }) => c.documentId,
      ),
    ).toEqual([comment.body.data.documentId]);
    expect((await http().get('/api/reviews/mine').set(asUser(other))).body.data).toEqual([]);
    expect((await http().get('/api/comments/mine').set(asUser(other))).body.data).toEqual([]);

    // Through the workflow's submission routes: someone else's item is "not found".
    for (const [type, id] of [
      ['review', reviewId],
      ['comment', comment.body.data.documentId],
    ]) {
      expect((await http().get(`/api/workflow/submissions/${type}/${id}`).set(asUser(other))).status).toBe(
        404,
      );
      expect((await http().get(`/api/workflow/submissions/${type}/${id}`).set(asUser(me))).status).toBe(200);
      const resubmit = await http()
        .post('/api/workflow/submissions')
        .set(asUser(other))
        .send({ type, documentId: id });
      expect(resubmit.status).toBe(404);
    }
    // Only the author edits, and only when the officer asks for a supplement; nobody deletes.
    const edit = (user: User, body: Record<string, unknown>) =>
      http().put(`/api/reviews/${reviewId}`).set(asUser(user)).send(body);
    const notMine = error(404, 'NotFoundError', 'Không tìm thấy nội dung này trong tài khoản của bạn.');
    expect((await edit(other, { text: 'Người khác sửa đánh giá.' })).body).toEqual(notMine);
    const tooEarly = await edit(me, { text: 'Tôi sửa khi đang chờ duyệt.' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.message).toBe('Chỉ sửa được nội dung khi cán bộ kiểm duyệt yêu cầu bổ sung.');
    const task = await taskOf(reviewId);
    await http().post(`/workflow/tasks/${task.id}/claim`).set(asOfficer(officer));
    const supplement = await http()
      .post(`/workflow/tasks/${task.id}/actions`)
      .set(asOfficer(officer))
      .send({ action: 'request_supplement', comment: 'Xin nêu rõ vấn đề của sản phẩm.' });
    expect(supplement.status).toBe(200);
    expect((await edit(other, { text: 'Người khác sửa đánh giá.' })).body).toEqual(notMine);
    expect((await edit(me, { text: 'Thêm chi tiết.', reviewStatus: 'approved' })).status).toBe(400);
    expect((await edit(me, { text: 'Có chấm người bán.', sellerStars: 5 })).body.error.message).toBe(
      'Đánh giá này không chấm điểm người bán; mỗi đơn hàng chỉ chấm người bán một lần.',
    );
    const fixed = await edit(me, { productStars: 2, text: 'Xoài bị dập <3 quả, <i>giao</i> chậm.' });
    expect(fixed.status).toBe(400);
    const resubmitted = await edit(me, { productStars: 2, text: 'Xoài bị dập 3 quả, giao chậm hai ngày.' });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.data).toMatchObject({
      documentId: reviewId,
      productStars: 2,
      text: 'Xoài bị dập 3 quả, giao chậm hai ngày.',
      status: 'pending',
    });
    expect((await taskOf(reviewId)).state).toBe('in_review');
    for (const path of [`/api/reviews/${reviewId}`, `/api/comments/${comment.body.data.documentId}`]) {
      expect((await http().put(path).send({ text: 'Ẩn danh sửa.' })).status).toBe(403);
      for (const user of [me, other]) {
        expect((await http().delete(path).set(asUser(user))).status).toBe(405);
      }
    }
    expect(
      (
        await http()
          .put(`/api/comments/${comment.body.data.documentId}`)
          .set(asUser(other))
          .send({ text: 'Sửa hộ' })
      ).body,
    ).toEqual(notMine);
    const row = (await app.strapi.db
      .query(REVIEW)
      .findOne({ where: { documentId: reviewId, publishedAt: null } })) as {
      text: string;
    };
    expect(row.text).toBe('Xoài bị dập 3 quả, giao chậm hai ngày.');
  });

  it("is part of the author's personal data: exported, and deleted with the account", async () => {
    const s = await shop();
    const buyer = await userNamed('Kiều Thị Xuân');
    const code = await orderIn(s, buyer, 'delivered');
    const review = await postReview(buyer, {
      order: code,
      product: s.products[0].documentId,
      productStars: 1,
      sellerStars: 2,
      text: 'Không đúng như mô tả.',
    });
    await decide(review.body.data.documentId, 'approve');
    expect(await productRating(s.products[0].slug)).toEqual({ average: 1, count: 1 });

    const exported = await http().get('/api/accounts/me/export').set(asUser(buyer));
    expect(exported.status).toBe(200);
    expect(exported.body.reviews).toEqual([
      expect.objectContaining({
        documentId: review.body.data.documentId,
        productStars: 1,
        sellerStars: 2,
        text: 'Không đúng như mô tả.',
        status: 'approved',
      }),
    ]);
    expect(exported.body.comments).toEqual([]);

    const removed = await http()
      .post('/api/accounts/me/delete')
      .set(asUser(buyer))
      .send({ password: SITE_PASSWORD });
    expect(removed.status).toBe(200);
    expect(
      await app.strapi.db.query(REVIEW).count({ where: { documentId: review.body.data.documentId } }),
    ).toBe(0);
    expect(await publicReviews(s.products[0].slug)).toEqual([]);
    expect(await productRating(s.products[0].slug)).toEqual({ average: null, count: 0 });
    expect(await sellerRating(s.seller.slug)).toEqual({ average: null, count: 0 });
  });

  it('never returns the buyer, the order, the flag or the department publicly', async () => {
    const s = await shop();
    const buyer = await userNamed('Châu Ngọc Yến');
    const code = await orderIn(s, buyer, 'delivered');
    const review = await postReview(buyer, {
      order: code,
      product: s.products[0].documentId,
      productStars: 5,
      sellerStars: 5,
      text: 'Tuyệt vời, lừa đảo thì không.',
    });
    await decide(review.body.data.documentId, 'approve');
    const res = await http().get(`/api/products/${s.products[0].documentId}/reviews`);
    expect(res.status).toBe(200);
    const body = JSON.stringify(res.body);
    for (const secret of [
      buyer.email,
      code,
      'Châu Ngọc Yến',
      'flaggedWords',
      'author"',
      'order',
      'department',
      'Key',
    ]) {
      expect(body).not.toContain(secret);
    }
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 1 });
    expect(
      (await http().get(`/api/products/${s.products[0].slug}/reviews`).query({ populate: '*' })).status,
    ).toBe(400);
    expect((await http().get('/api/products/khong-co/reviews')).status).toBe(404);
  });
});
