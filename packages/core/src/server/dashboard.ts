/**
 * The reference live dashboard: `/dashboard` and its assets under `/dashboard/assets/`,
 * served from files on this machine (uPlot from node_modules, the graphql-ws fetcher
 * shared with GraphiQL, and the page script beside this file). No CDN, no build step.
 */
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { contentSecurityPolicy, escapeHtml, loadAsset, packageRoot, type Asset } from './graphiql';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

function dashboardAssets(): Map<string, Asset> {
  const uplot = path.join(packageRoot('uplot'), 'dist');
  return new Map<string, Asset>([
    ['uPlot.min.css', loadAsset(path.join(uplot, 'uPlot.min.css'), CSS)],
    ['dashboard.css', loadAsset(path.join(__dirname, 'dashboard-assets', 'dashboard.css'), CSS)],
    ['uPlot.iife.min.js', loadAsset(path.join(uplot, 'uPlot.iife.min.js'), JS)],
    ['fetcher.js', loadAsset(path.join(__dirname, 'graphiql-assets', 'fetcher.js'), JS)],
    ['dashboard.js', loadAsset(path.join(__dirname, 'dashboard-assets', 'dashboard.js'), JS)],
  ]);
}

function page(prefix: string, endpoint: string, assets: Map<string, Asset>): string {
  const href = (name: string) => escapeHtml(`${prefix}/dashboard/assets/${name}?v=${assets.get(name)!.hash}`);
  const tags = [...assets.keys()].map((n) => (n.endsWith('.css') ? `<link rel="stylesheet" href="${href(n)}">` : `<script src="${href(n)}" defer></script>`));
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>共治 · 实时看板 / Gongzhi live dashboard</title>
  ${tags.join('\n  ')}
</head>
<body data-endpoint="${escapeHtml(endpoint)}">
  <header>
    <h1>共治实时看板 <small>Live dashboard</small></h1>
    <label>辖区 / Node <select id="node"><option value="">…</option></select></label>
    <label>令牌 / Token <input id="token" type="password" autocomplete="off" placeholder="Bearer token (optional)"></label>
    <span id="status" data-state="idle">未连接 / not connected</span>
  </header>
  <main>
    <section id="summary"></section>
    <section id="chart"></section>
    <section id="sections"></section>
  </main>
  <noscript>This page needs JavaScript.</noscript>
</body>
</html>
`;
}

/** GET `/dashboard` (the page) and GET `/dashboard/assets/:file`. */
export function dashboardRouter(options: { endpoint: string }): Router {
  const assets = dashboardAssets();
  const router = Router();
  router.get('/dashboard', (req: Request, res: Response) => {
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(req, options.endpoint),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.send(page(req.baseUrl, options.endpoint, assets));
  });
  router.get('/dashboard/assets/:file', (req: Request, res: Response) => {
    const asset = assets.get(req.params.file as string);
    if (!asset) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.set({
      'Content-Type': asset.contentType,
      'Cache-Control': req.query.v === asset.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(asset.body);
  });
  return router;
}
