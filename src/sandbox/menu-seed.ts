// The sandbox's catalog, as GET /venues, /sale-types, /products, /products/stop-list and
// /customers serve it: three venues, three sale types, about 40 products in seven categories with
// modifier groups, and a stop-list. It is a superset of the small MENU the seeded orders use
// (same ids, names and prices), plus the ids the docs' examples use (101 Pizza, 501 Extra Cheese).
import type { components } from '../../generated/clopos.js';
import { CUSTOMERS, MENU } from './catalog.js';

type Schemas = components['schemas'];
export type SeedVenue = Schemas['Venue'];
export type SeedSaleType = Schemas['SaleType'];
export type SeedProduct = Schemas['Product'];
export type SeedGroup = Schemas['ModifierGroup'];
export type SeedCustomer = Schemas['Customer'];

export const SEED_VENUES: readonly SeedVenue[] = [
  { id: 1, name: 'Nizami Street', address: '28 Nizami St, Baku', status: 1, phone: '+994124001001', email: 'nizami@sandbox.clopos.test' },
  { id: 2, name: 'Port Baku Mall', address: '151 Neftchilar Ave, Baku', status: 1, phone: '+994124001002', email: 'port@sandbox.clopos.test' },
  { id: 3, name: 'Ganjlik', address: '19 Ataturk Ave, Baku', status: 1, phone: '+994124001003', email: 'ganjlik@sandbox.clopos.test' },
];

// Names as in the docs' sale-types example; takeaway is off at venue 3.
export const SEED_SALE_TYPES: readonly SeedSaleType[] = [
  { id: 1, name: 'Yerinde', system_type: 'IN', channel: 'pos', status: { '1': 1, '2': 1, '3': 1 }, service_charge_rate: 5, position: 1 },
  { id: 2, name: 'Catdirilma', system_type: 'DELIVERY', channel: 'call_center', status: { '1': 1, '2': 1, '3': 1 }, service_charge_rate: 0, position: 2 },
  { id: 3, name: 'Takeaway', system_type: 'TAKEAWAY', channel: 'pos', status: { '1': 1, '2': 1, '3': 0 }, service_charge_rate: 0, position: 3 },
];

const group = (id: number, name: string, min: number, max: number, modifiers: Array<[number, string, number]>): SeedGroup => ({
  id,
  name,
  type: max === 1 ? 1 : 0,
  min_select: min,
  max_select: max,
  status: true,
  modifiers: modifiers.map(([mid, mname, price]) => ({ id: mid, name: mname, price })),
});

const PIZZA_EXTRAS = group(1, 'Extras', 0, 5, [[501, 'Extra Cheese', 0.5], [502, 'Mushrooms', 0.8], [503, 'Jalapenos', 0.6]]);
const DONER_EXTRAS = group(2, 'Doner extras', 0, 3, [[511, 'Extra Sauce', 0.3], [512, 'No Onions', 0]]);
const BURGER_EXTRAS = group(3, 'Burger extras', 0, 4, [[521, 'Extra Patty', 3], [522, 'Cheddar', 0.7], [523, 'Bacon', 1.2]]);
const SALAD_TOPPING = group(4, 'Topping', 0, 1, [[531, 'Grilled Chicken', 2]]);
const COFFEE_EXTRAS = group(5, 'Coffee extras', 0, 2, [[541, 'Oat Milk', 0.6], [542, 'Vanilla Syrup', 0.5]]);
const TEA_EXTRAS = group(6, 'Tea extras', 0, 2, [[551, 'Lemon', 0.3], [552, 'Thyme', 0]]);
/** A required single choice: a burger cannot be ordered without it. */
const DONENESS = group(7, 'Doneness', 1, 1, [[561, 'Medium', 0], [562, 'Well done', 0]]);
const DRINK_SIZE = group(8, 'Size', 1, 1, [[571, 'Regular', 0], [572, 'Large', 0.7]]);

const CATEGORIES = {
  pizza: { id: 11, name: 'Pizza' },
  doner: { id: 12, name: 'Doner & Burgers' },
  national: { id: 13, name: 'National dishes' },
  salads: { id: 14, name: 'Salads' },
  hot: { id: 15, name: 'Hot drinks' },
  cold: { id: 16, name: 'Cold drinks' },
  desserts: { id: 17, name: 'Desserts' },
} as const;

type Category = (typeof CATEGORIES)[keyof typeof CATEGORIES];

function product(id: number, name: string, price: number, category: Category, groups: SeedGroup[] = [], type = 'DISH'): SeedProduct {
  return { id, name, type, category_id: category.id, category: { ...category }, price, status: 1, hidden: false, modificator_groups: groups };
}

const { pizza, doner, national, salads, hot, cold, desserts } = CATEGORIES;

export const SEED_PRODUCTS: readonly SeedProduct[] = [
  product(101, 'Pizza', 8.5, pizza, [PIZZA_EXTRAS]),
  product(51, 'Pizza Margherita', 8.5, pizza, [PIZZA_EXTRAS]),
  product(52, 'Pizza Pepperoni', 10, pizza, [PIZZA_EXTRAS]),
  product(53, 'Pizza Quattro Formaggi', 11.5, pizza, [PIZZA_EXTRAS]),
  product(54, 'Pizza Vegetariana', 9.2, pizza, [PIZZA_EXTRAS]),
  product(55, 'Calzone', 9.8, pizza, [PIZZA_EXTRAS]),
  product(61, 'Chicken Doner', 4.5, doner, [DONER_EXTRAS]),
  product(62, 'Beef Burger', 7.9, doner, [BURGER_EXTRAS]),
  product(63, 'Cheeseburger', 8.4, doner, [DONENESS, BURGER_EXTRAS]),
  product(64, 'Beef Doner Plate', 6.9, doner, [DONER_EXTRAS]),
  product(65, 'Falafel Wrap', 4.2, doner, [DONER_EXTRAS]),
  product(66, 'French Fries', 2.5, doner, [], 'GOODS'),
  product(71, 'Plov', 9, national),
  product(72, 'Lentil Soup', 3.5, national),
  product(73, 'Qutab with Greens', 2.2, national),
  product(74, 'Dolma', 7.5, national),
  product(75, 'Lyulya Kebab', 8.8, national),
  product(76, 'Dushbara', 4.8, national),
  product(77, 'Piti', 9.5, national),
  product(81, 'Caesar Salad', 6.4, salads, [SALAD_TOPPING]),
  product(82, 'Shepherd Salad', 3.9, salads),
  product(83, 'Greek Salad', 5.6, salads, [SALAD_TOPPING]),
  product(84, 'Olivye', 4.4, salads),
  product(88, 'Tea', 2, hot, [TEA_EXTRAS], 'GOODS'),
  product(89, 'Green tea', 2, hot, [TEA_EXTRAS], 'GOODS'),
  product(91, 'Americano', 3, hot, [COFFEE_EXTRAS]),
  product(92, 'Black Tea Pot', 4, hot, [TEA_EXTRAS]),
  product(95, 'Cappuccino', 3.8, hot, [DRINK_SIZE, COFFEE_EXTRAS]),
  product(96, 'Latte', 4, hot, [DRINK_SIZE, COFFEE_EXTRAS]),
  product(93, 'Ayran', 1.5, cold, [], 'GOODS'),
  product(101_1, 'Cola 0.5 L', 1.8, cold, [], 'GOODS'),
  product(101_2, 'Mineral Water 0.5 L', 1, cold, [], 'GOODS'),
  product(101_3, 'Fresh Orange Juice', 4.5, cold, [DRINK_SIZE]),
  product(101_4, 'Lemonade', 3.2, cold, [DRINK_SIZE]),
  product(94, 'Baklava', 2.8, desserts, [], 'GOODS'),
  product(97, 'Shakarbura', 2.4, desserts, [], 'GOODS'),
  product(98, 'Cheesecake', 4.9, desserts),
  product(99, 'Napoleon Cake', 4.2, desserts),
  product(100, 'Ice Cream', 2.6, desserts),
];

/** The stop-list a fresh sandbox has: Shakarbura out of stock, three Cheesecakes left. */
export const SEED_STOP_LIST: ReadonlyArray<{ id: number; limit: number }> = [
  { id: 97, limit: 0 },
  { id: 98, limit: 3 },
];

/** What demo mode takes off and puts back, one per tick (none of them used by the tests' orders). */
export const DEMO_STOP_LIST_ROTATION: readonly number[] = [75, 83, 99, 1013];

/** The customers the seeded orders use, as GET /customers has them. */
export const SEED_CUSTOMERS: readonly SeedCustomer[] = CUSTOMERS.map((c) => ({
  id: c.id,
  cid: `00000000-0000-4000-8000-${String(c.id).padStart(12, '0')}`,
  venue_id: 1,
  group_id: c.customer_discount_type === 0 ? null : c.customer_discount_type,
  name: c.name,
  email: null,
  phone: c.phone,
  phones: [c.phone],
  address: c.address,
  addresses: [c.address],
  description: null,
  code: null,
}));

// Every product the seeded orders use must be in the catalog with the same name and price.
for (const item of MENU) {
  const found = SEED_PRODUCTS.find((p) => p.id === item.id);
  if (!found || found.name !== item.name || found.price !== item.price) throw new Error(`Sandbox catalog lacks menu item ${item.id}`);
}
