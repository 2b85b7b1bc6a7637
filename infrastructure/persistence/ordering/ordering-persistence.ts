import { OrderingRepositories } from '../../../domain/ordering';
import { definePersistence } from '../persistence-part';
import { CartItemEntity } from './cart-item-entity';
import { CheckoutEntity } from './checkout-entity';
import { DeliveryOptionEntity } from './delivery-option-entity';
import { TypeormCheckoutRepository } from './typeorm-checkout-repository';
import { TypeormDeliveryOptionRepository } from './typeorm-delivery-option-repository';
import { OrderEntity } from './order-entity';
import { OrderLineEntity } from './order-line-entity';
import { TypeormCartRepository } from './typeorm-cart-repository';
import { TypeormOrderRepository } from './typeorm-order-repository';

export const orderingPersistence = definePersistence<OrderingRepositories>(
  [OrderEntity, OrderLineEntity, CartItemEntity, CheckoutEntity, DeliveryOptionEntity],
  (manager) => ({
    orders: new TypeormOrderRepository(manager),
    carts: new TypeormCartRepository(manager),
    checkouts: new TypeormCheckoutRepository(manager),
    deliveryOptions: new TypeormDeliveryOptionRepository(manager),
  }),
);
