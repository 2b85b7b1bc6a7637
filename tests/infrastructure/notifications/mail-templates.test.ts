import { SELLER_EVENTS, SHOPPER_EVENTS } from '../../../domain/messaging';
import { minor } from '../../../domain/shared/money';
import { MAIL_TEMPLATES, renderNoticeMail } from '../../../infrastructure/notifications/mail/mail-templates';

describe('notice mail templates', () => {
  it.each([
    ['shopper', SHOPPER_EVENTS],
    ['seller', SELLER_EVENTS],
  ] as const)('has every %s event in zh, en and ru', (audience, events) => {
    for (const event of events) {
      const texts = MAIL_TEMPLATES[audience][event];
      expect(texts && Object.keys(texts).sort()).toEqual(['en', 'ru', 'zh']);
    }
  });

  it('renders in the recipient language, English otherwise, with the amount in major units', () => {
    const mail = { to: 'a@b.cn', audience: 'seller', event: 'SALE_CREDITED', orderNo: 'T1', amount: minor(123456) } as const;
    expect(renderNoticeMail({ ...mail, language: 'zh' }, 'CNY', 'Shop')).toEqual({
      subject: 'Shop: 订单 T1 入账 1234.56 CNY',
      text: '订单 T1 已完成：1234.56 CNY 已计入您的余额。\n\n— Shop\n',
    });
    expect(renderNoticeMail({ ...mail, language: 'de' }, 'CNY', 'Shop').subject).toBe('Shop: 1234.56 CNY credited for order T1');
    expect(renderNoticeMail({ ...mail, language: 'ru-RU', amount: minor(-5) }, 'JPY', 'Shop').text).toContain('-5 JPY');
  });
});
