import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * Any page may load the widget: its loader by a classic <script> from another origin (which the default
 * `Cross-Origin-Resource-Policy: same-origin` would block), and the panel's module by import(), which the browser
 * fetches with CORS, and the chunks that module imports. All are public and static, so `*` without credentials.
 */
function crossOrigin(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  next();
}

/**
 * `GET /widget.js`, the script a host page includes, and the module it loads from /assets. Host pages keep the
 * loader's address, so it is cached for five minutes and then revalidated (ETag); the panel's module, like the
 * portal's bundle, is revalidated on each load, so a new version reaches every page at once.
 */
export function widgetScript(widgetDir: string): express.Router {
  const router = express.Router();
  router.get('/widget.js', crossOrigin, (_req: Request, res: Response) => {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.sendFile(join(widgetDir, 'widget.js'), { maxAge: '5m' });
  });
  router.use('/assets/embed.js', crossOrigin);
  router.use('/assets/chunks', crossOrigin);
  return router;
}
