// Names for the generated REST types, so the rest of the code (and codegen mappers) never
// spells out `components["schemas"][...]`.
import type { components, paths } from '../../../generated/clopos.js';

type Schemas = components['schemas'];

export type { paths };
export type ClopOrder = Schemas['Order'];
export type ClopOrderStatus = Schemas['OrderStatus'];
export type ClopCustomer = Schemas['OrderCustomer'];
export type ClopProduct = Schemas['OrderProduct'];
export type ClopModifier = Schemas['OrderModifier'];
export type ClopDiscount = Schemas['OrderDiscount'];
export type ClopMeta = Schemas['OrderMeta'];
export type ClopReceipt = Schemas['OrderReceipt'];
export type ClopOrderList = Schemas['OrderList'];
export type ClopError = Schemas['Error'];
export type ClopAuthRequest = Schemas['AuthRequest'];
export type ClopAuthResponse = Schemas['AuthResponse'];
export type ClopCreateOrderRequest = Schemas['CreateOrderRequest'];
export type ClopCreateOrderResponse = Schemas['CreateOrderResponse'];
export type ClopUpdateOrderRequest = Schemas['UpdateOrderRequest'];
export type ClopUpdateOrderResponse = Schemas['UpdateOrderResponse'];
export type ClopListQuery = NonNullable<paths['/orders']['get']['parameters']['query']>;
