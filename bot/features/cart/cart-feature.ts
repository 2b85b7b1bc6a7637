import { on, defineFeature } from '../../routing/feature';
import { clearCart, setQuantity, showCart } from './cart';
import { cartActions } from './cart-actions';
import { chooseHowToPay, payFromCart } from './checkout';
import { askForCoupon, takeCoupon } from './coupon';

export const cartFeature = defineFeature({
  name: 'cart',
  actions: [
    on(cartActions.cart, (ctx, svc) => showCart(ctx, svc)),
    on(cartActions.setQty, (ctx, svc, a) => setQuantity(ctx, svc, a.id, a.qty)),
    on(cartActions.clearCart, (ctx, svc) => clearCart(ctx, svc)),
    on(cartActions.checkout, (ctx, svc, a) => chooseHowToPay(ctx, svc, a.nonce)),
    on(cartActions.pay, (ctx, svc, a) => payFromCart(ctx, svc, a.method, a.nonce)),
    on(cartActions.applyCoupon, (ctx, svc, a) => askForCoupon(ctx, svc, a.nonce)),
  ],
  onText: (ctx, svc, text) => takeCoupon(ctx, svc, text),
  commands: { cart: (ctx, svc) => showCart(ctx, svc) },
});
