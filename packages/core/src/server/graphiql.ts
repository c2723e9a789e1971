/**
 * The local GraphiQL page: `/graphiql` and its assets under `/graphiql/assets/`,
 * all served from files on this machine (no CDN: the gateway works offline).
 *
 * GraphiQL 3 (UMD build), React 18 and ReactDOM 18 come from node_modules; the
 * fetcher (HTTP POST for queries and mutations, graphql-ws for subscriptions)
 * and the bootstrap script sit beside this file in `graphiql-assets/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';

export interface GraphiqlOptions {
  /** The GraphQL endpoint, a path on this server (`/graphql`) or an absolute URL. */
  endpoint: string;
}

export interface Asset {
  file: string;
  contentType: string;
  body: Buffer;
  hash: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The root folder of an installed package, resolved from @gongzhi/core. */
export function packageRoot(name: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    // packages whose `exports` hide package.json: walk up from the main entry
    let dir = path.dirname(require.resolve(name));
    while (dir !== path.dirname(dir)) {
      const manifest = path.join(dir, 'package.json');
      if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name) return dir;
      dir = path.dirname(dir);
    }
    throw new Error(`graphiql: cannot find the folder of package ${name}`);
  }
}

export function loadAsset(file: string, contentType: string): Asset {
  if (!existsSync(file)) throw new Error(`graphiql: asset file missing: ${file}`);
  const body = readFileSync(file);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { file, contentType, body, hash };
}

/** Files the page loads, by the name they are served under, in load order for scripts. */
function loadAssets(): Map<string, Asset> {
  const react = packageRoot('react');
  const reactDom = packageRoot('react-dom');
  const graphiql = packageRoot('graphiql');
  const own = path.join(__dirname, 'graphiql-assets');
  return new Map<string, Asset>([
    ['graphiql.min.css', loadAsset(path.join(graphiql, 'graphiql.min.css'), CSS)],
    ['react.production.min.js', loadAsset(path.join(react, 'umd', 'react.production.min.js'), JS)],
    ['react-dom.production.min.js', loadAsset(path.join(reactDom, 'umd', 'react-dom.production.min.js'), JS)],
    ['graphiql.min.js', loadAsset(path.join(graphiql, 'graphiql.min.js'), JS)],
    ['fetcher.js', loadAsset(path.join(own, 'fetcher.js'), JS)],
    ['boot.js', loadAsset(path.join(own, 'boot.js'), JS)],
  ]);
}

const SCRIPTS = ['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'fetcher.js', 'boot.js'];
const STYLES = ['graphiql.min.css'];

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The origin of an absolute http(s) endpoint, with its ws(s) twin, for connect-src. */
function endpointOrigins(endpoint: string): string[] {
  if (!/^https?:\/\//i.test(endpoint)) return [];
  const url = new URL(endpoint);
  const ws = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return [url.origin, ws];
}

export function contentSecurityPolicy(req: Request, endpoint: string): string {
  // 'self' covers ws:/wss: to the same host in CSP 3 browsers; name them anyway for older ones.
  const host = req.get('host');
  const sameHostWs = host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? [`ws://${host}`, `wss://${host}`] : [];
  const connect = ["'self'", ...sameHostWs, ...endpointOrigins(endpoint)];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // GraphiQL's dialogs (react-remove-scroll) insert <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function renderPage(prefix: string, endpoint: string, assets: Map<string, Asset>): string {
  const url = (name: string) => `${prefix}/graphiql/assets/${name}?v=${assets.get(name)!.hash}`;
  const styles = STYLES.map((n) => `    <link rel="stylesheet" href="${escapeHtml(url(n))}">`).join('\n');
  const scripts = SCRIPTS.map((n) => `    <script src="${escapeHtml(url(n))}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Gongzhi GraphiQL · 共治</title>
${styles}
    <style>html, body { height: 100%; margin: 0; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql" data-endpoint="${escapeHtml(endpoint)}">Loading GraphiQL…</div>
    <noscript>GraphiQL needs JavaScript.</noscript>
${scripts}
  </body>
</html>
`;
}

/**
 * Serves GET `/graphiql` (the page) and GET `/graphiql/assets/:file`. Mount it
 * on the app (any prefix works: asset URLs follow `req.baseUrl`).
 */
export function graphiqlRouter(options: GraphiqlOptions): Router {
  const endpoint = options.endpoint;
  const assets = loadAssets();
  const graphiqlMap = path.join(packageRoot('graphiql'), 'graphiql.min.js.map');
  const router = Router();

  router.get('/graphiql', (req: Request, res: Response) => {
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(req, endpoint),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.send(renderPage(req.baseUrl, endpoint, assets));
  });

  router.get('/graphiql/assets/:file', (req: Request, res: Response) => {
    const name = req.params.file as string;
    // graphiql.min.js names its source map after the file it was built as.
    if (name === 'index.umd.js.map' && existsSync(graphiqlMap)) {
      res.set('Cache-Control', 'public, max-age=86400');
      res.type('application/json');
      res.sendFile(graphiqlMap);
      return;
    }
    const asset = assets.get(name);
    if (!asset) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.set({
      'Content-Type': asset.contentType,
      // URLs carry a content hash; without the right one, revalidate.
      'Cache-Control': req.query.v === asset.hash ? IMMUTABLE : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(asset.body);
  });

  return router;
}
