// fflate as an extension page can run it: its asynchronous `zip` deflates every file of 160 kB or
// more in a Worker made from a blob: URL, which the extension pages' CSP (script-src 'self') refuses;
// fflate listens for no error from that Worker, so the workbook of a large audit (its sheet and shared
// strings pass 160 kB) would never be written. The extension build aliases `fflate` to this module
// (wxt.config.ts): the same library, its `zip` done by its own `zipSync`, in a later task so that
// callers still get their callback asynchronously. Everything else is fflate's own.
import { zipSync, type AsyncTerminable, type AsyncZipOptions, type AsyncZippable, type FlateCallback, type FlateError, type Zippable } from 'fflate/browser';

export * from 'fflate/browser';

export function zip(data: AsyncZippable, opts: AsyncZipOptions | FlateCallback, cb?: FlateCallback): AsyncTerminable {
  const done = (typeof opts === 'function' ? opts : cb)!;
  const options = typeof opts === 'function' ? {} : opts;
  let cancelled = false;
  setTimeout(() => {
    if (cancelled) return;
    let out: Uint8Array<ArrayBuffer>;
    try {
      out = zipSync(data as Zippable, options);
    } catch (e) {
      return done(e as FlateError, null as never);
    }
    done(null, out);
  }, 0);
  return () => {
    cancelled = true;
  };
}
