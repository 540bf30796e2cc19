/**
 * How far outside the viewport a score control's island starts to hydrate (an IntersectionObserver
 * rootMargin for Astro's `client:visible`). A reader flicking down a long page reaches a control
 * before an island that waited for the control itself to show would be ready; starting about a
 * phone screen ahead, most are ready by then. Those that are not show a neutral "…", never a claim.
 */
export const HYDRATE_AHEAD = '600px 0px';
