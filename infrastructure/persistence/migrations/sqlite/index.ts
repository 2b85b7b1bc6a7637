import { InitialSchema1763700000000 } from './1763700000000-InitialSchema';
import { RefundsAndPaymentChecks1763800000000 } from './1763800000000-RefundsAndPaymentChecks';
import { ShopperLanguageStatsJobRuns1763900000000 } from './1763900000000-ShopperLanguageStatsJobRuns';
import { DuplicatePaymentRefunds1764200000000 } from './1764200000000-DuplicatePaymentRefunds';
import { ShopperChatState1764300000000 } from './1764300000000-ShopperChatState';
import { Categories1764633600001 } from './1764633600001-Categories';
import { ProductSearchTerms1764633600002 } from './1764633600002-ProductSearchTerms';
import { CatalogImports1764633600100 } from './1764633600100-CatalogImports';
import { ProductTranslations1764633600200 } from './1764633600200-ProductTranslations';
import { WechatpayPlatformCertificates1764720000000 } from './1764720000000-WechatpayPlatformCertificates';
import { SearchTermsByTerm1764800000000 } from './1764800000000-SearchTermsByTerm';
import { ShopperEmail1764850000000 } from './1764850000000-ShopperEmail';
import { ProductReviews1764870000000 } from './1764870000000-ProductReviews';
import { Referrals1764880000000 } from './1764880000000-Referrals';
import { Sellers1764900000000 } from './1764900000000-Sellers';
import { TelegramStars1764950000000 } from './1764950000000-TelegramStars';
import { SupportAndRestock1764960000000 } from './1764960000000-SupportAndRestock';
import { Checkouts1765100000000 } from './1765100000000-Checkouts';
import { Coupons1765200000000 } from './1765200000000-Coupons';
import { LockoutsAndSellerTickets1765300000000 } from './1765300000000-LockoutsAndSellerTickets';
import { SellerShelves1765400000000 } from './1765400000000-SellerShelves';
import { SearchTermBuckets1765500000000 } from './1765500000000-SearchTermBuckets';

/** Listed, never globbed: the same array works from ts (jest) and from the compiled dist. Append new ones. */
export const SQLITE_MIGRATIONS = [
  InitialSchema1763700000000,
  RefundsAndPaymentChecks1763800000000,
  ShopperLanguageStatsJobRuns1763900000000,
  DuplicatePaymentRefunds1764200000000,
  ShopperChatState1764300000000,
  Categories1764633600001,
  ProductSearchTerms1764633600002,
  CatalogImports1764633600100,
  ProductTranslations1764633600200,
  WechatpayPlatformCertificates1764720000000,
  SearchTermsByTerm1764800000000,
  ShopperEmail1764850000000,
  ProductReviews1764870000000,
  Referrals1764880000000,
  Sellers1764900000000,
  TelegramStars1764950000000,
  SupportAndRestock1764960000000,
  Checkouts1765100000000,
  Coupons1765200000000,
  LockoutsAndSellerTickets1765300000000,
  SellerShelves1765400000000,
  SearchTermBuckets1765500000000,
];
