import { Response } from '../http/response.js';
import type { Middleware } from '../http/middleware.js';

/**
 * Redirects every plain `http` (and `ws`) request to the same URL over `https` (`wss`) with
 * 308, which keeps the method and the body. Behind a TLS-terminating proxy the app sees plain
 * HTTP: set the app's `trustProxy` so `X-Forwarded-Proto: https` counts; without it that header
 * is ignored (a client could send it). The port is kept, except 80, which becomes the default.
 * @example app.use(httpsRedirect());
 */
export function httpsRedirect(): Middleware {
  return function httpsRedirectMiddleware(req, next) {
    const url = new URL(req.fullUrl);
    if (url.protocol === 'https:') return next();
    url.protocol = 'https:';
    if (url.port === '80') url.port = '';
    if (req.isWebSocket) url.protocol = 'wss:';
    return Response.redirect(url.href, 308);
  };
}
