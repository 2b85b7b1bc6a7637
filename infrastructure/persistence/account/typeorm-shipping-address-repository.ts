import { EntityManager } from 'typeorm';
import { ShippingAddress, ShippingAddressRepository } from '../../../domain/account';
import { toMs } from '../columns';
import { ShippingAddressEntity } from './shipping-address-entity';

export class TypeormShippingAddressRepository implements ShippingAddressRepository {
  constructor(private readonly manager: EntityManager) {}

  async find(userId: string): Promise<ShippingAddress | null> {
    const row = await this.manager.findOneBy(ShippingAddressEntity, { user_id: userId });
    return row ? { recipient: row.recipient, phone: row.phone, address: row.address } : null;
  }

  /** One statement on both engines: typeorm's upsert is INSERT … ON DUPLICATE KEY UPDATE / ON CONFLICT DO UPDATE. */
  async save(userId: string, address: ShippingAddress, at: Date): Promise<void> {
    await this.manager.upsert(ShippingAddressEntity, { user_id: userId, ...address, updated_at: toMs(at) }, ['user_id']);
  }
}
