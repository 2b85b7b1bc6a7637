import type { Shop } from '../domain/shop';
import type { DistributedLock } from '../domain/shared/ports/distributed-lock';
import type { RateLimiter } from '../domain/shared/ports/rate-limiter';
import type { Logger } from '../infrastructure/logging/logger';
import type { BotSettings, JobControl } from './bot-deps';
import type { ChatLanguages } from './notify/chat-languages';
import type { OrderMessages } from './notify/order-messages';
import type { ProductPhotos } from './ui/product-photos';
import type { BroadcastDesk } from './features/broadcast/broadcast-desk';

/** What the bot's handlers work with: the shop plus the bot's own small stores. */
export interface BotServices {
  shop: Shop;
  settings: BotSettings;
  jobs: JobControl;
  logger: Logger;
  lock: DistributedLock;
  rateLimiter: RateLimiter;
  orderMessages: OrderMessages;
  chatLanguages: ChatLanguages;
  photos: ProductPhotos;
  broadcasts: BroadcastDesk;
}
