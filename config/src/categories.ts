export interface CategoryData { slug: string; name: string; parentSlug: string | null; departmentCode: string; sortOrder: number }
export const categories: CategoryData[] = [];
