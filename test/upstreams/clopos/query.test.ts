import { describe, expect, it } from 'vitest';
import { getOrderQuery, listOrdersQuery, serializeQuery } from '../../../src/upstreams/clopos/rest.js';

const encode = (params: Parameters<typeof listOrdersQuery>[0]) => serializeQuery(listOrdersQuery(params));

describe('Clopos query encoding', () => {
  it('sends page and limit', () => {
    expect(encode({ page: 2, limit: 50 })).toBe('page=2&limit=50');
  });

  it('sends status', () => {
    expect(encode({ page: 1, limit: 20, status: 'PENDING' })).toBe('page=1&limit=20&status=PENDING');
  });

  it('sends the created_at range as date[0] and date[1]', () => {
    expect(encode({ page: 1, limit: 20, createdFrom: '2026-01-01', createdTo: '2026-01-31' })).toBe(
      'page=1&limit=20&date[0]=2026-01-01&date[1]=2026-01-31',
    );
  });

  it('sends an open-ended range as given', () => {
    expect(encode({ page: 1, limit: 20, createdFrom: '2026-01-01' })).toBe('page=1&limit=20&date[0]=2026-01-01');
    expect(encode({ page: 1, limit: 20, createdTo: '2026-01-31' })).toBe('page=1&limit=20&date[1]=2026-01-31');
  });

  it('sends sort[0] and sort[1] with 1 ascending and -1 descending', () => {
    expect(encode({ page: 1, limit: 20, sort: { field: 'created_at', direction: -1 } })).toBe(
      'page=1&limit=20&sort[0]=created_at&sort[1]=-1',
    );
    expect(encode({ page: 1, limit: 20, sort: { field: 'id', direction: 1 } })).toBe('page=1&limit=20&sort[0]=id&sort[1]=1');
  });

  it('sends filters as filters[N][0]/[1], array values as filters[N][1][M]', () => {
    expect(
      encode({
        page: 1,
        limit: 20,
        filters: [
          ['venue_id', 7],
          ['id', [1, 332]],
          ['type', 'CALL_CENTER_ORDER'],
        ],
      }),
    ).toBe(
      'page=1&limit=20&filters[0][0]=venue_id&filters[0][1]=7' +
        '&filters[1][0]=id&filters[1][1][0]=1&filters[1][1][1]=332' +
        '&filters[2][0]=type&filters[2][1]=CALL_CENTER_ORDER',
    );
  });

  it('sends the receipt as with[0], the value percent-encoded like the docs', () => {
    expect(encode({ page: 1, limit: 20, withReceipt: true })).toBe(
      'page=1&limit=20&with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus',
    );
    expect(serializeQuery(getOrderQuery(true))).toBe('with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus');
    expect(serializeQuery(getOrderQuery(false))).toBe('');
  });

  it('percent-encodes values but keeps the brackets literal', () => {
    expect(encode({ page: 1, limit: 20, filters: [['name', 'a b&c=d[0]']] })).toBe(
      'page=1&limit=20&filters[0][0]=name&filters[0][1]=a%20b%26c%3Dd%5B0%5D',
    );
  });

  it('puts every parameter in the documented order and leaves out what is not given', () => {
    expect(
      encode({
        page: 3,
        limit: 100,
        status: 'RECEIVED',
        createdFrom: '2026-01-01',
        createdTo: '2026-01-02',
        sort: { field: 'updated_at', direction: 1 },
        filters: [['id', [5]]],
        withReceipt: true,
        venueId: '7',
      }),
    ).toBe(
      'page=3&limit=100&status=RECEIVED&date[0]=2026-01-01&date[1]=2026-01-02&sort[0]=updated_at&sort[1]=1' +
        '&filters[0][0]=id&filters[0][1][0]=5&with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus',
    );
  });
});
