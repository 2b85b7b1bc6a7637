import { OrderingRepositories } from '../../../domain/ordering';
import { definePersistence } from '../persistence-part';
import { CartItemEntity } from './cart-item-entity';
import { OrderEntity } from './order-entity';
import { OrderLineEntity } from './order-line-entity';
import { TypeormCartRepository } from './typeorm-cart-repository';
import { TypeormOrderRepository } from './typeorm-order-repository';

export const orderingPersistence = definePersistence<OrderingRepositories>([OrderEntity, OrderLineEntity, CartItemEntity], (manager) => ({
  orders: new TypeormOrderRepository(manager),
  carts: new TypeormCartRepository(manager),
}));
