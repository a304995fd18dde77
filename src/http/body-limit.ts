// GATEWAY_MAX_BODY_BYTES: a larger body is refused with HTTP 413 before it is parsed. A declared
// Content-Length is checked up front; a body without one (chunked) is read up to the limit and
// no further.
import type { Plugin } from 'graphql-yoga';
import { httpRefusal } from '../errors.js';
import type { GatewayMetrics } from '../observability/metrics.js';

export function useBodyLimit(options: { maxBytes: number; metrics: GatewayMetrics }): Plugin {
  return {
    async onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS' || !request.body) return;
      const tooLarge = () => {
        options.metrics.rejected('body_too_large');
        endResponse(
          httpRefusal(fetchAPI, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${options.maxBytes} bytes.`, { headers: { connection: 'close' } }),
        );
      };
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!/^\d+$/.test(declared) || Number(declared) > options.maxBytes) tooLarge();
        return;
      }
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > options.maxBytes) {
          await reader.cancel().catch(() => undefined);
          tooLarge();
          return;
        }
        chunks.push(value);
      }
      const body = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        body.set(chunk, at);
        at += chunk.byteLength;
      }
      setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal }));
    },
  };
}
