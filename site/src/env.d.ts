/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the middleware when a POST cannot be read as a form (see `lib/form-guard.ts`). */
    formProblem?: import('./lib/form-guard').FormProblem;
    /**
     * Who is signed in, settled once by the middleware for the personal pages (`/tai-khoan…`, the
     * report form) and the actions; null on other pages, which are the same for all and cached.
     */
    user: import('./lib/account').SignedIn | null;
  }
}
