/**
 * Why a SITE_URL cannot serve a public deployment, or null when it can. Every canonical
 * URL, preview image, the sitemap, the cite block and /rubric.json are built from it, so a
 * build for the public must not fall back on the local default (http://127.0.0.1:4321).
 */
export function siteUrlProblem(siteUrl: string | undefined): string | null {
  if (siteUrl === undefined || siteUrl.trim() === '') {
    return 'SITE_URL is not set. Set it to the public origin, e.g. SITE_URL=https://example.org npm run build:deploy';
  }
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    return `SITE_URL "${siteUrl}" is not an absolute URL: give the public origin, e.g. https://example.org`;
  }
  if (url.protocol !== 'https:') {
    return `SITE_URL "${siteUrl}" does not use https: a public site is served over https`;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const local =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host === '0.0.0.0' ||
    host === '::1' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host);
  if (local) {
    return `SITE_URL "${siteUrl}" is a local address: readers could not open the links the build would write`;
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return `SITE_URL "${siteUrl}" has a path: give the origin only and put a sub-path in BASE_PATH (e.g. BASE_PATH=/repo/)`;
  }
  return null;
}
