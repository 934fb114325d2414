/** Date and time in Vietnam, as staff read it. */
export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));

/** The CMS's own message for a failed request, or a generic one. */
export const errorMessage = (failure: unknown) =>
  (failure as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ??
  'Đã có lỗi, vui lòng thử lại.';

export const USER_UID = 'plugin::users-permissions.user';

/** A site user as staff see them (`/accounts/users`). */
export interface SiteUser {
  id: number;
  documentId: string;
  fullName: string | null;
  email: string | null;
  phone: string | null;
  confirmed: boolean;
  blocked: boolean;
  role: string | null;
  createdAt: string;
  lastLock: { action: 'lock' | 'unlock'; reason: string | null; at: string } | null;
}
