// Security headers for every answer, through @fastify/helmet: a Content-Security-Policy for the app's pages (scripts
// from this server only, never inline; no plugins; no other site may frame them), nosniff, no referrer. A wall page
// (/wall/...) may be framed by the origins in SITROOM_FRAME_ANCESTORS (a portal that embeds the wall); the console,
// the pairing page and the rest never. HSTS is left to the TLS proxy in front, if any: a closed network often runs
// plain HTTP, and a stray HSTS would lock browsers out of it.
import type { FastifyInstance } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

const SELF = "'self'";
const NONE = "'none'";

/** The helmet options for a page that the given origins may frame ('none': nobody). */
export function helmetOptions(frameAncestors: readonly string[] = []): FastifyHelmetOptions {
  const ancestors = frameAncestors.length ? [...frameAncestors] : [NONE];
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: [SELF],
        scriptSrc: [SELF],
        // React and MapLibre set element styles; no script can come in through a style
        styleSrc: [SELF, "'unsafe-inline'"],
        imgSrc: [SELF, 'data:', 'blob:'],
        fontSrc: [SELF, 'data:'],
        connectSrc: [SELF],
        // the map's and the layers' workers, some built from blobs
        workerSrc: [SELF, 'blob:'],
        childSrc: [SELF, 'blob:'],
        objectSrc: [NONE],
        baseUri: [SELF],
        formAction: [SELF],
        frameAncestors: ancestors,
      },
    },
    // X-Frame-Options for browsers without frame-ancestors: DENY unless some origin may frame the page
    xFrameOptions: frameAncestors.length ? false : { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  };
}

export async function registerHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, { global: true, ...helmetOptions() });
}
