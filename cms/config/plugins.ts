import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { CATALOG_UID } from '@sgd/plugin-catalog';
import { CORE_UID } from '@sgd/plugin-core';
import { REVIEWS_UID } from '@sgd/plugin-reviews';
import { SELLERS_UID } from '@sgd/plugin-sellers';
import { s3UploadProvider } from '../src/utils/object-storage';

// The repository root: two levels up from cms/config (read by the admin build), three from the
// compiled cms/dist/config (read by the server).
const root = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((dir) =>
  fs.existsSync(path.join(dir, 'plugins', 'workflow', 'package.json')),
) as string;
// Strapi takes the folder of what `resolve` points to: name the package.json,
// not the folder (which would resolve to the compiled entry inside dist/).
const plugin = (name: string) => path.join(root, 'plugins', name, 'package.json');

// What the public site shows: a change to one of these clears the site's cache (SITE_URL).
const siteContentTypes = [
  CATALOG_UID.category,
  CATALOG_UID.product,
  // An approved review, comment or answer changes the product's page (rating, reviews, comments).
  REVIEWS_UID.review,
  REVIEWS_UID.comment,
  REVIEWS_UID.answer,
  CATALOG_UID.market,
  CATALOG_UID.supplyDemandPost,
  CATALOG_UID.directoryListing,
  SELLERS_UID.seller,
  SELLERS_UID.licence,
  SELLERS_UID.productionArea,
  CORE_UID.department,
  CORE_UID.administrativeUnit,
  'api::news-article.news-article',
  'api::legal-document.legal-document',
];

// Uploads go to an S3 bucket when S3_BUCKET is set (several instances), else to PUBLIC_DIR/uploads.
const s3 = s3UploadProvider(process.env);

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  core: {
    enabled: true,
    // Declared by its folder: the admin build reads the folder's package.json for the admin entry.
    resolve: path.join(root, 'plugins', 'core'),
    config: {
      sqlMigrationsDir: path.join(root, 'database', 'migrations'),
      siteUrl: env('SITE_URL', ''),
      siteWebhookSecret: env('SITE_WEBHOOK_SECRET', ''),
      siteContentTypes,
    },
  },
  // Declared by its folder: the admin build reads the folder's package.json for the admin entry.
  sellers: { enabled: true, resolve: path.join(root, 'plugins', 'sellers') },
  catalog: { enabled: true, resolve: plugin('catalog') },
  // Declared by its folder: the admin build reads the folder's package.json for the admin entry.
  workflow: { enabled: true, resolve: path.join(root, 'plugins', 'workflow') },
  accounts: { enabled: true, resolve: path.join(root, 'plugins', 'accounts') },
  orders: { enabled: true, resolve: plugin('orders') },
  complaints: { enabled: true, resolve: path.join(root, 'plugins', 'complaints') },
  reviews: { enabled: true, resolve: plugin('reviews') },
  // Declared by its folder: the admin build reads the folder's package.json for the admin entry.
  stats: { enabled: true, resolve: path.join(root, 'plugins', 'stats') },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: '7d' },
    },
  },
  ...(s3 ? { upload: { config: s3 } } : {}),
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: env.bool('SMTP_IGNORE_TLS', true),
        ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'Sàn giao dịch điện tử <no-reply@sangiaodich.local>'),
        defaultReplyTo: env('EMAIL_REPLY_TO', 'hotro@sangiaodich.local'),
      },
    },
  },
});
