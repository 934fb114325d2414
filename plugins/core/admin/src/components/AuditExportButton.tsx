import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

const AUDIT_UID = 'plugin::core.audit-entry';

const errorMessage = (failure: unknown) =>
  (failure as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ??
  'Không xuất được nhật ký, vui lòng thử lại.';

/** "Xuất CSV" above the audit log's list: the entries the list's filters select, newest first. */
export function AuditExportButton() {
  const { slug } = useParams<{ slug: string }>();
  const [{ query }] = useQueryParams<{ filters?: unknown }>();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);
  if (slug !== AUDIT_UID) return null;

  const download = async () => {
    setBusy(true);
    try {
      const response = await get('/core/audit-entries/export', {
        params: { filters: query.filters },
        responseType: 'blob',
      });
      const disposition = response.headers?.get('content-disposition') ?? '';
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
      const url = URL.createObjectURL(response.data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = encoded ? decodeURIComponent(encoded) : 'nhat-ky-thao-tac.csv';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      toggleNotification({ type: 'danger', message: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant="secondary" size="S" loading={busy} onClick={() => void download()}>
      Xuất CSV
    </Button>
  );
}
