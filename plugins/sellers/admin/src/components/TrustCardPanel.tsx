import { useEffect, useState } from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useFetchClient } from '@strapi/strapi/admin';

const SELLER = 'plugin::sellers.seller';

interface Links {
  state: 'verified' | 'locked';
  page: string;
  png: string;
  svg: string;
}

function CardLinks({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const [answer, setAnswer] = useState<{ links: Links | null; reason: string } | null>(null);

  useEffect(() => {
    let current = true;
    get(`/sellers/trust-card/${documentId}`)
      .then((res) => {
        const body = res.data as { data: Links | null; meta?: { reason?: string } };
        if (current) setAnswer({ links: body.data, reason: body.meta?.reason ?? '' });
      })
      .catch(() => {
        if (current) setAnswer({ links: null, reason: 'Không tải được thẻ xác thực. Hãy tải lại trang.' });
      });
    return () => {
      current = false;
    };
  }, [get, documentId]);

  if (!answer) return <Typography variant="pi">Đang tải…</Typography>;
  if (!answer.links) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {answer.reason}
      </Typography>
    );
  }
  const { links } = answer;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" textColor="neutral600">
        {links.state === 'locked'
          ? 'Người bán đang bị khóa: thẻ in ra sẽ báo "Đang bị khóa" khi quét.'
          : 'Thẻ có mã QR dẫn tới trang xác thực trên Sàn, luôn theo trạng thái hiện tại.'}
      </Typography>
      <Link href={links.page} isExternal>
        Mở trang xác thực
      </Link>
      <Link href={links.png} isExternal>
        Tải thẻ (ảnh PNG, khổ A6)
      </Link>
      <Link href={links.svg} isExternal>
        Tải thẻ (SVG, để in)
      </Link>
    </Flex>
  );
}

/** A verified seller's QR trust card (issue 21.1), on the seller's edit view for officers to print. */
export const TrustCardPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  if (model !== SELLER || !documentId) return null;
  return { title: 'Thẻ xác thực', content: <CardLinks documentId={documentId} /> };
};
