import { useCallback, useEffect, useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorMessage, formatDateTime } from '../api';

interface PrivateFile {
  id: number;
  kind: 'licence_scan' | 'citizen_id_scan';
  name: string;
  mime: string;
  size: number;
  uploadedAt: string;
  purgedAt: string | null;
}

const KIND_LABELS: Record<PrivateFile['kind'], string> = {
  licence_scan: 'Bản chụp giấy phép',
  citizen_id_scan: 'Bản chụp CCCD',
};
const MODELS = ['plugin::sellers.seller', 'plugin::sellers.licence'];
const kilobytes = (size: number) => `${Math.max(1, Math.round(size / 1024))} KB`;

function FileList({ model, documentId }: { model: string; documentId: string }) {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [files, setFiles] = useState<PrivateFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const res = await get('/accounts/private-files', { params: { uid: model, documentId } });
      setFiles((res.data as { data: PrivateFile[] }).data);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [get, model, documentId]);

  useEffect(() => {
    void load();
  }, [load]);

  // The bytes come with the officer's token, so they are fetched, then shown from memory.
  const open = async (file: PrivateFile) => {
    try {
      const res = await get(`/accounts/private-files/${file.id}/content`, { responseType: 'blob' });
      const url = URL.createObjectURL(res.data as Blob);
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (failure) {
      toggleNotification({ type: 'danger', message: errorMessage(failure) });
    }
  };

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!files) return <Typography variant="pi">Đang tải…</Typography>;
  if (files.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        Người bán không nộp bản chụp nào.
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="pi" textColor="neutral600">
        Dữ liệu cá nhân nhạy cảm: chỉ dùng để xác thực, không tải về máy dùng chung.
      </Typography>
      {files.map((file) => (
        <Flex key={file.id} direction="column" alignItems="stretch" gap={1}>
          <Typography fontWeight="bold">{KIND_LABELS[file.kind]}</Typography>
          <Typography variant="pi">
            {file.name} · {kilobytes(file.size)} · nộp {formatDateTime(file.uploadedAt)}
          </Typography>
          {file.purgedAt ? (
            <Typography variant="pi" textColor="neutral600">
              Đã xóa theo thời hạn lưu trữ ngày {formatDateTime(file.purgedAt)}.
            </Typography>
          ) : (
            <Button variant="tertiary" onClick={() => open(file)}>
              Xem {KIND_LABELS[file.kind].toLowerCase()}
            </Button>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** The scans a seller handed in, on the seller's and the licence's edit views, for the verifying department. */
export const PrivateFilesPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  if (!MODELS.includes(model) || !documentId) return null;
  return { title: 'Bản chụp (riêng tư)', content: <FileList model={model} documentId={documentId} /> };
};
