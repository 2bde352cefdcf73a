import { describe, expect, it } from 'vitest';
import { activeNavHref, isRequestPage } from './active-nav-href';

describe('the highlighted side navigation link', () => {
  it('is the page itself outside a request', () => {
    expect(activeNavHref('/audit', undefined)).toBe('/audit');
    expect(activeNavHref('/requests/new', '/audit')).toBe('/requests/new');
  });

  it('is the section the reader came from on a request page', () => {
    expect(activeNavHref('/requests/01ABC', '/audit')).toBe('/audit');
    expect(activeNavHref('/requests/01ABC', '/reviews')).toBe('/reviews');
    expect(activeNavHref('/requests/01ABC', '/')).toBe('/');
  });

  it('matches no link on a request page reached directly', () => {
    expect(activeNavHref('/requests/01ABC', undefined)).toBe('/requests/01ABC');
  });

  it('tells a request page from the New request form', () => {
    expect(isRequestPage('/requests/01ABC')).toBe(true);
    expect(isRequestPage('/requests/new')).toBe(false);
    expect(isRequestPage('/')).toBe(false);
  });
});
