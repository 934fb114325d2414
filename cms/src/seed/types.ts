/** Shapes of the readable JSON files in database/seed/ (see its README). */
type Status = 'draft' | 'pending' | 'supplement_requested' | 'approved' | 'rejected' | 'locked';
type Verification = 'draft' | 'pending' | 'supplement_requested' | 'verified' | 'rejected' | 'locked';

export interface SellerSeed {
  slug: string;
  name: string;
  legalForm: string;
  enterpriseCode: string | null;
  citizenId: string | null;
  representative: string;
  phone: string | null;
  email: string | null;
  showPhone: boolean;
  showEmail: boolean;
  address: string;
  communeCode: string;
  description: string;
  isOcopProducer: boolean;
  verificationStatus: Verification;
  verifiedAt: string | null;
  registrationDate: string | null;
  registrationIssuer: string | null;
  departmentCode: string;
  logo: string | null;
  internalNote: string | null;
}

export interface ProductionAreaSeed {
  slug: string;
  name: string;
  code: string | null;
  latitude: number;
  longitude: number;
  polygon: Array<[number, number]> | null;
  areaHa: number | null;
  crops: string | null;
  seasons: string | null;
  sellerSlug: string;
  communeCode: string;
  description: string | null;
  reviewStatus: Status;
}

export interface ProductSeed {
  slug: string;
  name: string;
  categorySlug: string;
  sellerSlug: string;
  description: string;
  ingredients: string | null;
  uses: string | null;
  specification: string | null;
  unit: string;
  price: number | null;
  priceMin?: number | null;
  priceMax?: number | null;
  promotion: string | null;
  images: string[];
  productionAreaSlug: string | null;
  paymentMethods: string[];
  deliveryMethods: string[];
  reviewStatus: Status;
  published: boolean;
}

export interface LicenceSeed {
  number: string;
  type: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string | null;
  ocopStars: number | null;
  sellerSlug: string;
  productSlugs: string[];
  verificationStatus: Verification;
  scanFile: string | null;
}

export interface MarketSeed {
  slug: string;
  name: string;
  kind: string;
  address: string;
  communeCode: string;
  latitude: number;
  longitude: number;
  openingHours: string | null;
  operator: string | null;
  phone: string | null;
  description: string | null;
}

export interface PostSeed {
  slug: string;
  kind: 'buy' | 'sell';
  title: string;
  categorySlug: string;
  productSlug: string | null;
  quantity: number | null;
  unit: string | null;
  price: number | null;
  priceNote: string | null;
  region: string | null;
  validUntil: string;
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  description: string | null;
  reviewStatus: Status;
}

export interface DirectoryListingSeed {
  slug: string;
  kind: string;
  title: string;
  summary: string;
  body: string;
  address: string | null;
  communeCode: string | null;
  contact: string | null;
  website: string | null;
  departmentCode: string;
  reviewStatus: Status;
}

export interface NewsSeed {
  slug: string;
  title: string;
  summary: string;
  body: string;
  cover: string;
  publishedOn: string;
  departmentCode: string | null;
}

export interface LegalDocumentSeed {
  slug: string;
  title: string;
  kind: string;
  series: string;
  number: string | null;
  issuer: string | null;
  issuedOn: string | null;
  effectiveFrom: string;
  version: string;
  bodyFile: string | null;
  summary: string | null;
}
