/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the middleware when a POST cannot be read as a form (see `lib/form-guard.ts`). */
    formProblem?: import('./lib/form-guard').FormProblem;
  }
}
