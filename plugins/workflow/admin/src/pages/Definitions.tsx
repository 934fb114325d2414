import { useEffect, useState } from 'react';
import { Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { errorMessage, useResource, type WorkflowDefinition } from '../api';

interface Problem {
  path: string[];
  message: string;
}

/**
 * The workflows as data, for the super admin: edited as JSON, validated by the server, which answers
 * with every problem (a stage without roles, an unknown action, a deadline of 0 days …).
 */
export function Definitions() {
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { data, error, reload } = useResource<WorkflowDefinition[]>('/workflow/definitions');
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (data) setText(JSON.stringify(data, null, 2));
  }, [data]);

  const save = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setFailure('Nội dung không phải JSON hợp lệ.');
      return;
    }
    try {
      await put('/workflow/definitions', { data: parsed });
      setProblems([]);
      setFailure(null);
      toggleNotification({ type: 'success', message: 'Đã lưu quy trình duyệt.' });
      void reload();
    } catch (failed) {
      const details = (failed as { response?: { data?: { error?: { details?: { errors?: Problem[] } } } } })
        .response?.data?.error?.details?.errors;
      setProblems(details ?? []);
      setFailure(errorMessage(failed));
    }
  };

  return (
    <Box padding={8} background="neutral100">
      <Flex justifyContent="space-between" paddingBottom={4}>
        <Typography tag="h1" variant="alpha">
          Quy trình duyệt
        </Typography>
        <Link to="..">Về Hộp duyệt</Link>
      </Flex>
      <Typography tag="p" paddingBottom={4}>
        Mỗi quy trình gồm các bước (stages): vai trò được xử lý (roles), thao tác được phép (approve, reject,
        request_supplement, return) và thời hạn tính bằng ngày làm việc (deadlineDays). Thay đổi áp dụng cho
        hồ sơ nộp sau khi lưu.
      </Typography>
      {error && <Typography textColor="danger600">{error}</Typography>}
      <Textarea
        aria-label="Định nghĩa quy trình (JSON)"
        value={text}
        onChange={(e: { target: { value: string } }) => setText(e.target.value)}
        style={{ fontFamily: 'monospace', minHeight: '480px' }}
      />
      {failure && (
        <Box paddingTop={4} role="alert">
          <Typography textColor="danger600">{failure}</Typography>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <Typography variant="pi">
                  {p.path.join('.')}: {p.message}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
      <Box paddingTop={4}>
        <Button onClick={save}>Lưu quy trình</Button>
      </Box>
    </Box>
  );
}
