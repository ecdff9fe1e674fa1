/** Our own host element, the one node we add to a page: the readers never read it as page content. */
export const HOST_TAG = 'NIANBAO-CHECK';
