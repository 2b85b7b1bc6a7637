import { on, defineFeature } from '../../routing/feature';
import { cancelBroadcast, confirmBroadcast, onBroadcastCommand } from './broadcast';
import { broadcastActions } from './broadcast-actions';

export const broadcastFeature = defineFeature({
  name: 'broadcast',
  actions: [
    on(broadcastActions.broadcastSend, (ctx, svc, a) => confirmBroadcast(ctx, svc, a.id)),
    on(broadcastActions.broadcastCancel, (ctx, _svc, a) => cancelBroadcast(ctx, a.id)),
  ],
  adminCommands: { broadcast: (ctx, svc, args) => onBroadcastCommand(ctx, svc, args) },
});
