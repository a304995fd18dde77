// Shared by the Clover sandbox tests: plain fetch calls on 127.0.0.1, as an adapter makes them.
import type { RunningCloverSandbox } from '../../src/clover-sandbox/index.js';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // left as text
  }
  return { status: response.status, headers: response.headers, body };
}

export interface Clover {
  get(path: string, token?: string): Promise<Answer>;
  send(method: 'POST' | 'DELETE', path: string, body?: unknown, token?: string): Promise<Answer>;
}

/** Calls under /v3/merchants/{mId} with the sandbox's API token (or the one given). */
export function clover(sandbox: RunningCloverSandbox): Clover {
  const base = `${sandbox.baseUrl}/v3/merchants/${sandbox.merchantId}`;
  return {
    async get(path, token = sandbox.token) {
      return answer(await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }));
    },
    async send(method, path, body, token = sandbox.token) {
      const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      return answer(await fetch(`${base}${path}`, init));
    },
  };
}

export async function control(sandbox: RunningCloverSandbox, method: string, path: string, body?: unknown): Promise<Answer> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return answer(await fetch(`${sandbox.baseUrl}/__sandbox${path}`, init));
}

export const DAY = 86_400_000;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
