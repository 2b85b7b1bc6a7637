import { DeliveryOption } from '../../../domain/ordering';

export const presentDeliveryOption = (o: DeliveryOption, currency: string) => ({
  id: o.id,
  sellerId: o.sellerId,
  name: o.name,
  fee: { amount: o.fee, currency },
  estimatedDays: o.estimatedDays,
});
