/**
 * The officer's live dashboard: `/dashboard` and its assets under `/dashboard/assets/`,
 * served from files on this machine (uPlot and the graphql-ws client from node_modules, the
 * page scripts beside this file). No CDN, no build step; CSP allows only this origin.
 */
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { contentSecurityPolicy, escapeHtml, loadAsset, packageRoot, type Asset } from './graphiql';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Served under their names; scripts run in this order. */
function dashboardAssets(): Map<string, Asset> {
  const uplot = path.join(packageRoot('uplot'), 'dist');
  const own = (name: string, type: string) => loadAsset(path.join(__dirname, 'dashboard-assets', name), type);
  return new Map<string, Asset>([
    ['uPlot.min.css', loadAsset(path.join(uplot, 'uPlot.min.css'), CSS)],
    ['dashboard.css', own('dashboard.css', CSS)],
    ['uPlot.iife.min.js', loadAsset(path.join(uplot, 'uPlot.iife.min.js'), JS)],
    ['graphql-ws.min.js', loadAsset(path.join(packageRoot('graphql-ws'), 'umd', 'graphql-ws.min.js'), JS)],
    ['format.js', own('format.js', JS)],
    ['session.js', own('session.js', JS)],
    ['dashboard.js', own('dashboard.js', JS)],
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
    <h1><span class="zh">共治实时看板</span><span class="en">Gongzhi live dashboard</span></h1>
    <div id="bar" hidden>
      <label><span class="zh">辖区</span><span class="en">Area</span> <select id="node"></select></label>
      <span id="status" data-state="idle"></span>
      <span id="who"></span>
      <button id="logout" type="button"><span class="zh">退出</span><span class="en">Sign out</span></button>
    </div>
  </header>
  <main>
    <form id="login" hidden>
      <h2><span class="zh">登录</span><span class="en">Sign in</span></h2>
      <label><span class="zh">用户名</span><span class="en">Username</span><input id="username" name="username" autocomplete="username" required></label>
      <label><span class="zh">密码</span><span class="en">Password</span><input id="password" name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit"><span class="zh">登录</span><span class="en">Sign in</span></button>
      <p id="login-error" role="alert"></p>
    </form>
    <p id="notice" role="status" hidden></p>
    <div id="app" hidden>
      <h2 id="title"></h2>
      <p id="meta"></p>
      <section id="summary"></section>
      <section id="sections"></section>
      <section id="children"></section>
    </div>
  </main>
  <noscript>此页面需要 JavaScript / This page needs JavaScript.</noscript>
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
