import { describe, expect, it } from '@jest/globals';
import { apiQuery, filtersFromSearch, searchOf } from './kb-filters.js';

describe('the article list address', () => {
  it('reads back what it writes', () => {
    const filters = { q: 'imprimante', language: 'fr' as const, visibility: 'technicians' as const, tag: 'printer', page: 3 };
    expect(filtersFromSearch(searchOf(filters))).toEqual(filters);
    expect(searchOf({ page: 1 })).toBe('');
  });

  it('leaves out what it cannot mean rather than sending it to be refused', () => {
    expect(filtersFromSearch('?language=xx&visibility=secret&page=-2&q=%20%20&tag=')).toEqual({ page: 1 });
  });

  it('asks the API for the page shown', () => {
    expect(apiQuery({ tag: 'vpn', page: 2 })).toEqual({ tag: 'vpn', limit: 25, offset: 25, q: undefined, language: undefined, visibility: undefined });
  });
});
