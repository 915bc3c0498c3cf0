// Share links: one row per service, each building its URL with encodeURIComponent on every value.

export interface ShareTarget { id: 'email' | 'telegram' | 'x' | 'facebook' | 'vk'; href: string }

const e = encodeURIComponent;

const SERVICES: Array<[ShareTarget['id'], (url: string, title: string) => string]> = [
  ['email', (url, title) => `mailto:?subject=${e(title)}&body=${e(url)}`],
  ['telegram', (url, title) => `https://t.me/share/url?url=${e(url)}&text=${e(title)}`],
  ['x', (url, title) => `https://x.com/intent/tweet?url=${e(url)}&text=${e(title)}`],
  ['facebook', (url) => `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`],
  ['vk', (url, title) => `https://vk.com/share.php?url=${e(url)}&title=${e(title)}`],
];

export function shareLinks(url: string, title: string): ShareTarget[] {
  return SERVICES.map(([id, build]) => ({ id, href: build(url, title) }));
}
