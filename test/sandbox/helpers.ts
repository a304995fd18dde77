// Shared by the sandbox tests: plain fetch calls on 127.0.0.1, as the gateway makes them.
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import type { RunningSandbox, SandboxCredentials } from '../../src/sandbox/index.js';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export async function postAuth(sandbox: RunningSandbox, body: unknown): Promise<Answer> {
  return answer(
    await fetch(`${sandbox.baseUrl}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export async function tokenFor(sandbox: RunningSandbox, credentials: SandboxCredentials = sandbox.credentials): Promise<string> {
  const { status, body } = await postAuth(sandbox, credentials);
  if (status !== 200) throw new Error(`auth failed: ${status} ${JSON.stringify(body)}`);
  return body.token as string;
}

export interface Api {
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  send(method: 'POST' | 'PUT' | 'DELETE' | 'PATCH', path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

/** Calls under the API base with an x-token; `path` may carry a raw (bracket) query. */
export function api(sandbox: RunningSandbox, token: string): Api {
  return {
    async get(path, headers = {}) {
      return answer(await fetch(`${sandbox.baseUrl}${path}`, { headers: { 'x-token': token, ...headers } }));
    },
    async send(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { 'x-token': token, 'content-type': 'application/json', ...headers } };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      return answer(await fetch(`${sandbox.baseUrl}${path}`, init));
    },
  };
}

/** The /__sandbox/ control routes over HTTP. */
export async function control(sandbox: RunningSandbox, method: string, path: string, body?: unknown): Promise<Answer> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return answer(await fetch(`${new URL(sandbox.baseUrl).origin}/__sandbox${path}`, init));
}

/** Every order through the API (limit 200), in the requested order. */
export async function allOrders(client: Api, query = ''): Promise<ClopOrder[]> {
  const { status, body } = await client.get(`/orders?limit=200${query}`);
  if (status !== 200) throw new Error(`list failed: ${status} ${JSON.stringify(body)}`);
  return body.data as ClopOrder[];
}

export function decodeJwtPart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const VALID_ORDER = {
  sale_type_id: 2,
  venue_id: 1,
  delivery_fee: 2.5,
  customer: { id: 9, phone: '+994705401040', address: '123 Main St', customer_discount_type: 1, name: 'Rahid Akhundzada' },
  comment: 'Leave at the door',
  discount: { discount_type: 1, discount_value: 10 },
  service_charge: { enabled: true, value: 5 },
  products: [
    {
      product_id: 101,
      product_name: 'Pizza',
      count: 2,
      price: 8.5,
      status: 'new',
      product_hash: 'abc123',
      portion_size: 1,
      note: 'No onions',
      modifiers: [{ modifier_id: 501, modifier_name: 'Extra Cheese', count: 1, price: 0.5, portion_size: 1 }],
    },
  ],
};
