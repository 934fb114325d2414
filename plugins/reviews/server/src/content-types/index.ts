import { REVIEW_LIMITS } from '@sgd/config';

/** Moderated by officers in the content manager's read view and in "Hộp duyệt"; written through routes. */
const visible = {
  'content-manager': { visible: true },
  'content-type-builder': { visible: false },
};
const internal = {
  'content-manager': { visible: false },
  'content-type-builder': { visible: false },
};

const stars = { type: 'integer', min: REVIEW_LIMITS.minStars, max: REVIEW_LIMITS.maxStars } as const;
const user = {
  type: 'relation',
  relation: 'manyToOne',
  target: 'plugin::users-permissions.user',
  private: true,
};
const moderation = {
  // Words of the banned-words list found in the text: shown to the officer, never public.
  flaggedWords: { type: 'string', maxLength: 500, private: true },
  department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
};

/**
 * A buyer's review after delivery (QC Điều 10.3, 11): stars for the product and, once per order, for the
 * seller. Draft & publish: the workflow publishes it when approved; only the published version is public.
 * The keys are unique among drafts (index at bootstrap), so a second review of the same order and
 * product, or a second seller rating of the same order, cannot slip in through two racing requests.
 */
const review = {
  kind: 'collectionType',
  collectionName: 'rvw_reviews',
  info: {
    singularName: 'review',
    pluralName: 'reviews',
    displayName: 'Đánh giá',
    description: 'Đánh giá sản phẩm và người bán sau khi nhận hàng',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    ...visible,
    // Moderated in the `review_comment` workflow (plugins/workflow), which adds `reviewStatus`.
    workflow: {
      workflow: 'review_comment',
      title: 'title',
      owner: 'author',
      contact: { email: ['author.email'], name: ['author.fullName'] },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'path', path: 'product.department' },
        { by: 'path', path: 'product.category.department' },
        { by: 'path', path: 'seller.department' },
        { by: 'fixed', department: 'SCT' },
      ],
      label: 'Đánh giá',
    },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: 255 },
    order: { type: 'relation', relation: 'manyToOne', target: 'plugin::orders.order', private: true },
    product: { type: 'relation', relation: 'manyToOne', target: 'plugin::catalog.product' },
    seller: { type: 'relation', relation: 'manyToOne', target: 'plugin::sellers.seller' },
    author: user,
    authorName: { type: 'string', required: true, maxLength: 150 },
    productStars: { ...stars, required: true },
    sellerStars: stars,
    text: { type: 'text', required: true, maxLength: REVIEW_LIMITS.reviewText.max },
    orderProductKey: { type: 'string', required: true, maxLength: 100, private: true },
    orderSellerKey: { type: 'string', maxLength: 100, private: true },
    ...moderation,
  },
};

/** A comment on a product by any signed-in user (QC Điều 10.3). */
const comment = {
  kind: 'collectionType',
  collectionName: 'rvw_comments',
  info: {
    singularName: 'comment',
    pluralName: 'comments',
    displayName: 'Bình luận',
    description: 'Bình luận về sản phẩm',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    ...visible,
    // Moderated in the `review_comment` workflow (plugins/workflow), which adds `reviewStatus`.
    workflow: {
      workflow: 'review_comment',
      title: 'title',
      owner: 'author',
      contact: { email: ['author.email'], name: ['author.fullName'] },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'path', path: 'product.department' },
        { by: 'path', path: 'product.category.department' },
        { by: 'fixed', department: 'SCT' },
      ],
      label: 'Bình luận',
    },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: 255 },
    product: { type: 'relation', relation: 'manyToOne', target: 'plugin::catalog.product' },
    author: user,
    authorName: { type: 'string', required: true, maxLength: 150 },
    text: { type: 'text', required: true, maxLength: REVIEW_LIMITS.commentText.max },
    ...moderation,
  },
};

/** The seller's one answer to a review or a comment (QC Điều 25.4), moderated like them. */
const answer = {
  kind: 'collectionType',
  collectionName: 'rvw_answers',
  info: {
    singularName: 'answer',
    pluralName: 'answers',
    displayName: 'Trả lời của người bán',
    description: 'Trả lời của người bán cho một đánh giá hoặc bình luận',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    ...visible,
    // Moderated in the `review_comment` workflow (plugins/workflow), which adds `reviewStatus`.
    workflow: {
      workflow: 'review_comment',
      title: 'title',
      owner: 'seller.owner',
      contact: {
        email: ['seller.email', 'seller.owner.email'],
        name: ['seller.representative', 'seller.name'],
      },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'path', path: 'product.department' },
        { by: 'path', path: 'seller.department' },
        { by: 'fixed', department: 'SCT' },
      ],
      label: 'Trả lời của người bán',
    },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: 255 },
    review: { type: 'relation', relation: 'manyToOne', target: 'plugin::reviews.review' },
    comment: { type: 'relation', relation: 'manyToOne', target: 'plugin::reviews.comment' },
    product: { type: 'relation', relation: 'manyToOne', target: 'plugin::catalog.product' },
    seller: { type: 'relation', relation: 'manyToOne', target: 'plugin::sellers.seller' },
    author: user,
    authorName: { type: 'string', required: true, maxLength: 255 },
    text: { type: 'text', required: true, maxLength: REVIEW_LIMITS.answerText.max },
    // `review:<documentId>` or `comment:<documentId>`: unique among drafts, one answer per target.
    targetKey: { type: 'string', required: true, maxLength: 100, private: true },
    ...moderation,
  },
};

/**
 * Stored averages of approved, published reviews, per product and per seller: recomputed when a review
 * is approved, and when an approved one is unpublished (locked) or deleted.
 */
const rating = {
  kind: 'collectionType',
  collectionName: 'rvw_ratings',
  info: {
    singularName: 'rating',
    pluralName: 'ratings',
    displayName: 'Điểm đánh giá',
    description: 'Số đánh giá đã duyệt và tổng số sao của một sản phẩm hoặc người bán',
  },
  options: { draftAndPublish: false },
  pluginOptions: internal,
  attributes: {
    targetUid: { type: 'string', required: true, maxLength: 100 },
    targetDocumentId: { type: 'string', required: true, maxLength: 64 },
    count: { type: 'integer', required: true, min: 0 },
    total: { type: 'integer', required: true, min: 0 },
  },
};

export default {
  review: { schema: review },
  comment: { schema: comment },
  answer: { schema: answer },
  rating: { schema: rating },
};
