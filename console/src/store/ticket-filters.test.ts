import { describe, expect, it } from '@jest/globals';
import { apiFilters, filtersFromSearch, searchOf } from './ticket-filters.js';

const COMPANY = '0b7c4b7e-3a4e-4c5e-9d0a-2f1c8f6d9e01';

describe('queue filters in the address', () => {
  it('opens the open and pending tickets when the address names no status, and writes no query for them', () => {
    expect(filtersFromSearch('')).toEqual({ status: ['open', 'pending'], page: 1 });
    expect(searchOf(filtersFromSearch(''))).toBe('');
  });

  it('reads back every filter it writes', () => {
    const filters = filtersFromSearch(`?status=resolved,closed&companyId=${COMPANY}&source=email&assignee=me&escalated=true&q=vpn+client&page=3`);
    expect(filters).toEqual({ status: ['resolved', 'closed'], companyId: COMPANY, source: 'email', assignee: 'me', escalated: true, q: 'vpn client', page: 3 });
    expect(filtersFromSearch(searchOf(filters))).toEqual(filters);
  });

  it('keeps an empty status choice as every status, apart from the default', () => {
    const filters = filtersFromSearch('?status=');
    expect(filters.status).toEqual([]);
    expect(searchOf(filters)).toBe('?status=');
  });

  it('leaves out what the address cannot mean instead of sending it to be refused', () => {
    expect(filtersFromSearch('?status=done,open&companyId=acme&source=fax&assignee=bob&escalated=yes&page=-2&q=%20')).toEqual({ status: ['open'], page: 1 });
  });

  it('asks the API for "me" as the signed-in technician and for the page by offset', () => {
    const query = apiFilters(filtersFromSearch('?assignee=me&page=2'), 'tech-id');
    expect(query).toMatchObject({ assigneeId: 'tech-id', limit: 25, offset: 25, status: ['open', 'pending'] });
    expect(apiFilters(filtersFromSearch('?assignee=none'), 'tech-id').assigneeId).toBe('none');
  });
});
