import { useEffect } from 'react';

/**
 * Cloudscape's app layout gives its phone-width toolbar `<nav aria-orientation="horizontal">`;
 * `aria-orientation` is not allowed on a navigation landmark (axe: aria-allowed-attr, critical), and
 * screen readers may misread it. Until Cloudscape drops it, remove it wherever it appears.
 */
export function useValidNavAria(): void {
  useEffect(() => {
    const strip = () => {
      for (const nav of document.querySelectorAll('nav[aria-orientation]'))
        nav.removeAttribute('aria-orientation');
    };
    strip();
    const observer = new MutationObserver(strip);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributeFilter: ['aria-orientation'],
    });
    return () => observer.disconnect();
  }, []);
}
