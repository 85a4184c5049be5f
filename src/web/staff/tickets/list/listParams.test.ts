import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  customFilters,
  hasFilters,
  withCustomFilter,
  withoutFilters,
  currentSort,
  pageNumber,
  statusSelection,
  withFilter,
  withNextPage,
  withPreviousPage,
  withSort,
  withStatusSelection,
} from './listParams.js';

const p = (query: string) => new URLSearchParams(query);

describe('ticket list URL state', () => {
  it('sends the API every filter of the URL but not the client-only cursor stack', () => {
    expect(apiQuery(p('status=all&q=acme&back=a.b&cursor=c&sort=ref'))).toBe(
      'status=all&q=acme&sort=ref&cursor=c',
    );
    expect(apiQuery(p('status=all&cursor=c&limit=50'), { paged: false })).toBe('status=all');
  });

  it('custom-field filters (cf.<key>) go to the API, count as filters and go with a reset', () => {
    const params = withCustomFilter(p('cursor=c&back=b&q=x'), 'site', 'lyon,paris');
    expect(params.toString()).toBe('q=x&cf.site=lyon%2Cparis');
    expect(customFilters(params)).toEqual([['site', 'lyon,paris']]);
    expect(apiQuery(params)).toBe('q=x&cf.site=lyon%2Cparis');
    expect(hasFilters(p('cf.units=5..'))).toBe(true);
    expect(withoutFilters(p('cf.units=5..&sort=ref')).toString()).toBe('sort=ref');
    expect(withCustomFilter(params, 'site', null).toString()).toBe('q=x');
  });

  it('a new filter starts again from the first page', () => {
    expect(withFilter(p('cursor=c&back=b&q=x'), 'type', 'ISSUE').toString()).toBe('q=x&type=ISSUE');
    expect(withFilter(p('type=ISSUE'), 'type', null).toString()).toBe('');
  });

  it('sorting: newest first by default, a new column from A, the same column flips', () => {
    expect(currentSort(p(''))).toEqual({ sort: 'createdAt', order: 'desc' });
    expect(withSort(p(''), 'subject').toString()).toBe('sort=subject&order=asc');
    expect(withSort(p('sort=subject&order=asc'), 'subject').toString()).toBe('sort=subject&order=desc');
    expect(withSort(p('sort=subject&order=asc'), 'updatedAt').toString()).toBe('sort=updatedAt&order=desc');
    expect(withSort(p(''), 'createdAt').toString()).toBe('sort=createdAt&order=asc');
  });

  it('pages forward and back through a stack of cursors', () => {
    const page2 = withNextPage(p('q=x'), 'c2');
    const page3 = withNextPage(page2, 'c3');
    expect(page3.toString()).toBe('q=x&cursor=c3&back=c2');
    expect(pageNumber(page3)).toBe(3);
    const back2 = withPreviousPage(page3);
    expect(back2.toString()).toBe('q=x&cursor=c2');
    expect(pageNumber(back2)).toBe(2);
    expect(withPreviousPage(back2).toString()).toBe('q=x');
    expect(pageNumber(p('q=x'))).toBe(1);
  });

  it('status: a scope replaces the statuses, a status replaces the scope, nothing means open', () => {
    expect(statusSelection(p(''))).toEqual(['open']);
    expect(withStatusSelection(p(''), ['open', 'waiting']).get('status')).toBe('waiting');
    expect(withStatusSelection(p('status=waiting'), ['waiting', 'closed']).get('status')).toBe(
      'waiting,closed',
    );
    expect(withStatusSelection(p('status=waiting,closed'), ['waiting', 'closed', 'all']).get('status')).toBe(
      'all',
    );
    expect(withStatusSelection(p('status=all'), ['all', 'deleted']).get('status')).toBe('deleted');
    expect(withStatusSelection(p('status=waiting'), []).has('status')).toBe(false);
  });
});
