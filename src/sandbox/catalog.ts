// The brand the sandbox pretends to be: three venues, three sale types, a dozen customers and a
// small menu. Names follow the docs' Baku examples so demo screens look plausible.
import type { ClopCustomer } from '../upstreams/clopos/types.js';

export const VENUE_IDS: readonly number[] = [1, 2, 3];

/** 1 dine-in ("Yerinde"), 2 delivery ("Catdirilma"), 3 takeaway, as in the sale-types docs. */
export const SALE_TYPE_IDS: readonly number[] = [1, 2, 3];
export const DELIVERY_SALE_TYPE = 2;
export const DINE_IN_SALE_TYPE = 1;

export type Customer = Required<{ [K in keyof ClopCustomer]: NonNullable<ClopCustomer[K]> }>;

export const CUSTOMERS: readonly Customer[] = [
  { id: 1, name: 'Rahid Akhundzada', phone: '+994705401040', address: '123 Main St', customer_discount_type: 1 },
  { id: 2, name: 'Aysel Mammadova', phone: '+994502218834', address: '28 Nizami St, Baku', customer_discount_type: 0 },
  { id: 3, name: 'Elvin Huseynov', phone: '+994553107742', address: '14 Fuzuli St, Baku', customer_discount_type: 0 },
  { id: 4, name: 'Leyla Aliyeva', phone: '+994517745120', address: '5 Istiglaliyyat St, Baku', customer_discount_type: 2 },
  { id: 5, name: 'Farid Guliyev', phone: '+994776032290', address: '61 Azadlig Ave, Baku', customer_discount_type: 0 },
  { id: 6, name: 'Nigar Hasanova', phone: '+994504419067', address: '9 Rashid Behbudov St, Baku', customer_discount_type: 1 },
  { id: 7, name: 'Tural Ismayilov', phone: '+994558870013', address: '40 Ataturk Ave, Baku', customer_discount_type: 0 },
  { id: 8, name: 'Gunel Abbasova', phone: '+994702256631', address: '17 Samad Vurgun St, Baku', customer_discount_type: 0 },
  { id: 9, name: 'Orkhan Babayev', phone: '+994519983405', address: '3 Khagani St, Baku', customer_discount_type: 1 },
  { id: 10, name: 'Sevinj Rzayeva', phone: '+994775521908', address: '88 Heydar Aliyev Ave, Baku', customer_discount_type: 0 },
  { id: 11, name: 'Kamran Jafarov', phone: '+994503346172', address: '22 Tbilisi Ave, Baku', customer_discount_type: 0 },
  { id: 12, name: 'Narmin Valiyeva', phone: '+994557714496', address: '11 Bulbul Ave, Baku', customer_discount_type: 2 },
];

export interface ModifierOption {
  id: number;
  name: string;
  price: number;
}

export interface MenuItem {
  id: number;
  name: string;
  price: number;
  modifiers: readonly ModifierOption[];
}

const CHEESE = { id: 501, name: 'Extra Cheese', price: 0.5 };
const MUSHROOMS = { id: 502, name: 'Mushrooms', price: 0.8 };
const JALAPENOS = { id: 503, name: 'Jalapenos', price: 0.6 };

export const MENU: readonly MenuItem[] = [
  { id: 51, name: 'Pizza Margherita', price: 8.5, modifiers: [CHEESE, MUSHROOMS, JALAPENOS] },
  { id: 52, name: 'Pizza Pepperoni', price: 10, modifiers: [CHEESE, MUSHROOMS, JALAPENOS] },
  { id: 61, name: 'Chicken Doner', price: 4.5, modifiers: [{ id: 511, name: 'Extra Sauce', price: 0.3 }, { id: 512, name: 'No Onions', price: 0 }] },
  { id: 62, name: 'Beef Burger', price: 7.9, modifiers: [{ id: 521, name: 'Extra Patty', price: 3 }, { id: 522, name: 'Cheddar', price: 0.7 }, { id: 523, name: 'Bacon', price: 1.2 }] },
  { id: 71, name: 'Plov', price: 9, modifiers: [] },
  { id: 72, name: 'Lentil Soup', price: 3.5, modifiers: [] },
  { id: 73, name: 'Qutab with Greens', price: 2.2, modifiers: [] },
  { id: 81, name: 'Caesar Salad', price: 6.4, modifiers: [{ id: 531, name: 'Grilled Chicken', price: 2 }] },
  { id: 91, name: 'Americano', price: 3, modifiers: [{ id: 541, name: 'Oat Milk', price: 0.6 }, { id: 542, name: 'Vanilla Syrup', price: 0.5 }] },
  { id: 92, name: 'Black Tea Pot', price: 4, modifiers: [{ id: 551, name: 'Lemon', price: 0.3 }, { id: 552, name: 'Thyme', price: 0 }] },
  { id: 93, name: 'Ayran', price: 1.5, modifiers: [] },
  { id: 94, name: 'Baklava', price: 2.8, modifiers: [] },
];

export const COMMENTS: readonly string[] = [
  'Leave at the door',
  'Call on arrival',
  'No cutlery, please',
  'Ring twice',
  'Extra napkins',
];

export const PRODUCT_NOTES: readonly string[] = ['No onions', 'Well done', 'Less salt', 'Cut in 8 slices'];
