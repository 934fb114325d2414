import type { Core } from '@strapi/strapi';
import { contentManagerConfiguration } from './admin-views';

/** A content type as the admin's role editor lists it, with its fields (`properties[].children`). */
interface Subject {
  uid: string;
  label: string;
  properties: { value: string; label: string; children?: Node[] }[];
}

interface Node {
  value: string;
  label: string;
  children?: Node[];
}

/** A permission of the role editor's Plugins or Settings tab, grouped by plugin or category, then subcategory. */
interface ActionEntry {
  displayName: string;
  subCategory: string;
  plugin?: string;
  category?: string;
}

interface SectionsBuilder {
  addHandler(section: string, handler: (context: { section: never }) => Promise<void> | void): void;
}

const registered = new WeakSet<Core.Strapi>();

/**
 * The super admin's role editor (Cài đặt → Vai trò) lists each content type by its API name
 * ("Administrative-unit") and each of its fields by its attribute name ("reviewStatus"): Strapi builds
 * them so (`toSubjectTemplate`, `buildNode`), under the heading "Quyền Fields". A handler after
 * Strapi's own names them as the content manager does: the type's display name, the field's label in
 * the edit view. Each subject and each list of fields is named once per build; so are the
 * permissions of the Plugins and Settings tabs (`ACTION_NAMES`).
 */
export function nameRoleEditorPermissions(strapi: Core.Strapi): void {
  if (registered.has(strapi)) return;
  registered.add(strapi);
  const builder = (strapi.service('admin::permission') as unknown as { sectionsBuilder: SectionsBuilder })
    .sectionsBuilder;
  const named = new WeakSet<object>();
  const name = async ({ section }: { section: { subjects: Subject[] } }) => {
    for (const subject of section.subjects) {
      const type = strapi.contentTypes[subject.uid as keyof typeof strapi.contentTypes] as
        { info?: { displayName?: string } } | undefined;
      if (!named.has(subject)) {
        named.add(subject);
        subject.label = type?.info?.displayName ?? subject.label;
      }
      const fields = subject.properties.find((property) => property.value === 'fields');
      if (!fields || named.has(fields)) continue;
      named.add(fields);
      // Read as "Quyền {label}" above the list of fields.
      fields.label = 'trường dữ liệu';
      const { metadatas = {} } = await contentManagerConfiguration(strapi, subject.uid);
      for (const field of fields.children ?? [])
        field.label = metadatas[field.value]?.edit?.label || field.label;
    }
  };
  for (const section of ['collectionTypes', 'singleTypes']) builder.addHandler(section, name as never);
  const translate = ({ section }: { section: ActionEntry[] }) => {
    for (const entry of section) {
      if (named.has(entry)) continue;
      named.add(entry);
      entry.displayName = ACTION_NAMES[entry.displayName] ?? entry.displayName;
      entry.subCategory = GROUP_NAMES[entry.subCategory] ?? entry.subCategory;
      if (entry.plugin) entry.plugin = GROUP_NAMES[entry.plugin] ?? entry.plugin;
      if (entry.category) entry.category = GROUP_NAMES[entry.category] ?? entry.category;
    }
  };
  for (const section of ['plugins', 'settings']) builder.addHandler(section, translate as never);
}

/**
 * The Plugins and Settings tabs list Strapi's own permissions by the English names it registers them
 * with (the exchange's plugins register theirs in Vietnamese); the admin groups them by these names
 * only, and keeps them by their action ids. A name missing here (a plugin added later) shows as is.
 */
const ACTION_NAMES: Record<string, string> = {
  Create: 'Tạo',
  Read: 'Xem',
  Update: 'Cập nhật',
  Delete: 'Xóa',
  Edit: 'Sửa',
  'Configure view': 'Cấu hình giao diện',
  'Configure Layout': 'Cấu hình bố cục',
  'Access the Media Library': 'Mở Thư viện tệp',
  'Create (upload)': 'Tải lên',
  'Update (crop, details, replace) + delete': 'Sửa (cắt, thông tin, thay thế) và xóa',
  Download: 'Tải về',
  'Copy link': 'Sao chép liên kết',
  'Access the Email Settings page': 'Mở trang cấu hình thư điện tử',
  'Access the Media Library settings page': 'Mở trang cài đặt Thư viện tệp',
  'Access the marketplace': 'Mở chợ ứng dụng',
  'Create (invite)': 'Tạo (mời)',
  'Access the API tokens settings page': 'Mở trang Token API',
  'Access the Admin tokens settings page': 'Mở trang Mã truy cập quản trị',
  'Access the transfer tokens settings page': 'Mở trang Token chuyển',
  'Create (generate)': 'Tạo',
  Regenerate: 'Tạo lại',
  'Delete (revoke)': 'Xóa (thu hồi)',
  'Update the project level settings': 'Sửa cài đặt chung',
  'Read the project level settings': 'Xem cài đặt chung',
};

/** Plugins, categories and subcategories of those permissions. */
const GROUP_NAMES: Record<string, string> = {
  general: 'Chung',
  workflow: 'Quy trình duyệt',
  stats: 'Thống kê',
  'content-manager': 'Quản lý nội dung',
  'content-type-builder': 'Thiết kế kiểu nội dung',
  upload: 'Thư viện tệp',
  'users-permissions': 'Người dùng và phân quyền',
  'single types': 'Loại đơn',
  'collection types': 'Loại tập hợp',
  components: 'Thành phần',
  assets: 'Tệp',
  roles: 'Vai trò',
  providers: 'Nhà cung cấp đăng nhập',
  emailTemplates: 'Mẫu email',
  advancedSettings: 'Cài đặt nâng cao',
  email: 'Thư điện tử',
  'media library': 'Thư viện tệp',
  Internationalization: 'Đa ngôn ngữ',
  Locales: 'Ngôn ngữ',
  'plugins and marketplace': 'Plugin và chợ ứng dụng',
  marketplace: 'Chợ ứng dụng',
  webhooks: 'Webhook',
  'users and roles': 'Người dùng và vai trò',
  users: 'Người dùng',
  'api tokens': 'Token API',
  'api Tokens': 'Token API',
  'admin tokens': 'Mã truy cập quản trị',
  project: 'Cài đặt chung',
  'transfer tokens': 'Token chuyển',
};
