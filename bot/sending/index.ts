// The bot's sending side: one paced outgoing queue for every Bot API call, and broadcasts on top of it.
export { installOutgoingQueue, type InstallOutgoingQueueDeps, type OutgoingSender } from './install-outgoing-queue';
export { OutgoingQueue, type OutgoingCall, type OutgoingQueueOptions, type OutgoingQueueStats, type QueuedCallOptions } from './outgoing-queue';
export { DEFAULT_SENDING_LIMITS, type SendingLimits } from './sending-limits';
export { OutcomeUnknownError, OutgoingCallExpiredError, OutgoingCallWithdrawnError, OutgoingQueueClosedError, provablyNotSent } from './sending-errors';
export {
  broadcastOutboxHandler,
  broadcastSendHandler,
  broadcastProgress,
  newBroadcastId,
  startBroadcast,
  type BroadcastHandlerDeps,
  type BroadcastProgress,
  type BroadcastSender,
  type BroadcastStarter,
} from './broadcast';
