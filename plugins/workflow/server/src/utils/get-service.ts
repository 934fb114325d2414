import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { WorkflowServices } from '../services';
import type { WorkflowApi } from '../services/workflow';

/** A `workflow` service, typed (Strapi's i18n `getService` pattern). */
export const workflowService = <K extends keyof WorkflowServices>(
  strapi: Core.Strapi,
  name: K,
): WorkflowServices[K] => strapi.plugin(PLUGIN_ID).service(name) as WorkflowServices[K];

/** The workflow engine, as other plugins use it. */
export const workflowApi = (strapi: Core.Strapi): WorkflowApi => workflowService(strapi, 'workflow');
