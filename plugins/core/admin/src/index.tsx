import type { ComponentType } from 'react';
import { AuditExportButton } from './components/AuditExportButton';
import { CodeCell } from './components/CodeCell';
import { LabelledInput } from './components/LabelledInput';
import { labelsForFilter, labelsOf, loadLabels, nameOf } from './labels';

/** The content manager's hooks this plugin fills (`@strapi/content-manager`, `constants/hooks`). */
const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';
const INJECT_LIST_VIEW_FILTERS = 'Admin/CM/pages/ListView/inject-in-filters';

interface Header {
  name: string;
  attribute?: unknown;
  cellFormatter?: (row: Record<string, unknown>) => unknown;
  [key: string]: unknown;
}

interface Filter {
  name: string;
  type: string;
  options?: { label: string; value: string }[];
  [key: string]: unknown;
}

interface AdminApp {
  registerPlugin(plugin: unknown): void;
  getPlugin(id: string): {
    injectComponent(view: string, zone: string, component: { name: string; Component: ComponentType }): void;
  };
  addFields(fields: { type: string; Component: ComponentType<never> }[]): void;
  registerHook(name: string, fn: (args: Record<string, unknown>) => unknown): void;
}

/** A field that holds a status: its codes get coloured badges in lists. */
const isStatus = (name: string) => /status$/i.test(name);

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: 'core', name: 'Nền tảng sàn' });
    void loadLabels();
    // Inputs of the edit view: named codes instead of raw ones (others keep Strapi's input).
    app.addFields(
      ['enumeration', 'string', 'json'].map((type) => ({
        type,
        Component: LabelledInput as ComponentType<never>,
      })),
    );
    // List cells: the names of codes.
    app.registerHook(INJECT_COLUMN_IN_TABLE, ({ displayedHeaders, layout }) => ({
      layout,
      displayedHeaders: (displayedHeaders as Header[]).map((header) => {
        const labels = labelsOf(header.attribute);
        if (!labels) return header;
        const field = header.name.split('.')[0];
        return {
          ...header,
          cellFormatter: (row: Record<string, unknown>) => (
            <CodeCell value={row[field]} labels={labels} status={isStatus(field)} />
          ),
        };
      }),
    }));
    // Filters: pick a named code from a list rather than type or read raw codes.
    app.registerHook(INJECT_LIST_VIEW_FILTERS, ({ displayedFilters, layout }) => ({
      layout,
      displayedFilters: (displayedFilters as Filter[]).map((filter) => {
        if (filter.type !== 'enumeration' && filter.type !== 'string') return filter;
        const codes = (filter.options ?? []).map((option) => option.value);
        const labels = labelsForFilter(filter.name, filter.type, codes);
        if (!labels) return filter;
        return {
          ...filter,
          type: 'enumeration',
          options: Object.keys(labels).map((code) => ({ value: code, label: nameOf(labels, code) })),
        };
      }),
    }));
  },
  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').injectComponent('listView', 'actions', {
      name: 'audit-export',
      Component: AuditExportButton,
    });
  },
};
