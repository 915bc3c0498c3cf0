// Canonical URLs for duplicate detection: one pure function, table-tested.

/** Query parameters that only track a click and never change the page. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'yclid', 'msclkid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'ocid', 'cmpid', 'cmp', 'ito', 'ns_mchannel', 'ns_source',
  'ns_campaign', 'ns_linkname', 'ns_fee', 'sr_share', 'share', 'ref', 'ref_src', 'ref_url', 'referrer',
  'smid', 'smtyp', 'spm', 'src', 'source', 'via', 'amp', 'outputtype', 'rss', 'feature', 'cid', 'guccounter',
  'guce_referrer', 'guce_referrer_sig', 'taid', 'partner', 'at_medium', 'at_campaign', 'at_custom1',
  'at_custom2', 'at_custom3', 'at_custom4', 'ir', 'xtor', 'from',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'vero_', 'oly_', 'hsa_', 'at_'];

/**
 * Returns the canonical form of an http(s) URL, or null when it is not one.
 * Lower-cases scheme and host, drops "www.", default ports, fragments, tracking parameters,
 * AMP suffixes and a trailing slash; sorts the remaining parameters.
 */
export function canonicalUrl(input: string | null | undefined): string | null {
  if (!input) return null;
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^(www\d?|m|amp|mobile)\./, '');
  let path = u.pathname.replace(/\/{2,}/g, '/');
  path = path.replace(/\/amp\/?$/i, '/').replace(/\.amp(\.html?)?$/i, '$1').replace(/\/index\.(html?|php)$/i, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !isTracking(k.toLowerCase()))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  const port = u.port && !((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) ? `:${u.port}` : '';
  // http and https of one page are the same page: the scheme is not part of the identity.
  return `https://${host}${port}${path || '/'}${query}`;
}

function isTracking(key: string): boolean {
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}
