'use strict';
// Entry for Strapi when the plugin is declared by its folder (`resolve: 'plugins/core'`), which
// the admin build needs to find `exports['./strapi-admin']`: Strapi takes the folder of `main`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS entry
module.exports = require('./dist/index.js');
