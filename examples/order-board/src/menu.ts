// The sandbox brand's menu (src/sandbox/catalog.ts). The graph has no menu query yet; a real app
// would load it from the POS.
export interface MenuItem {
  id: string;
  name: string;
  price: number;
  modifiers: ReadonlyArray<{ id: string; name: string; price: number }>;
}

const CHEESE = { id: '501', name: 'Extra Cheese', price: 0.5 };
const MUSHROOMS = { id: '502', name: 'Mushrooms', price: 0.8 };

export const MENU: readonly MenuItem[] = [
  { id: '51', name: 'Pizza Margherita', price: 8.5, modifiers: [CHEESE, MUSHROOMS] },
  { id: '52', name: 'Pizza Pepperoni', price: 10, modifiers: [CHEESE, MUSHROOMS] },
  { id: '62', name: 'Beef Burger', price: 7.9, modifiers: [{ id: '522', name: 'Cheddar', price: 0.7 }, { id: '523', name: 'Bacon', price: 1.2 }] },
  { id: '71', name: 'Plov', price: 9, modifiers: [] },
  { id: '81', name: 'Caesar Salad', price: 6.4, modifiers: [{ id: '531', name: 'Grilled Chicken', price: 2 }] },
  { id: '91', name: 'Americano', price: 3, modifiers: [{ id: '541', name: 'Oat Milk', price: 0.6 }] },
  { id: '94', name: 'Baklava', price: 2.8, modifiers: [] },
];

export const SALE_TYPES = [
  { id: '2', name: 'Delivery' },
  { id: '3', name: 'Takeaway' },
  { id: '1', name: 'Dine-in' },
];
export const VENUES = ['1', '2', '3'];
