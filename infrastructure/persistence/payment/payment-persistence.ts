import { PaymentRepositories } from '../../../domain/payment';
import { definePersistence } from '../persistence-part';
import { PaymentEntity } from './payment-entity';
import { RefundEntity } from './refund-entity';
import { TypeormPaymentRepository } from './typeorm-payment-repository';
import { TypeormRefundRepository } from './typeorm-refund-repository';

export const paymentPersistence = definePersistence<PaymentRepositories>([PaymentEntity, RefundEntity], (manager) => ({
  payments: new TypeormPaymentRepository(manager),
  refunds: new TypeormRefundRepository(manager),
}));
