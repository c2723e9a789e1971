import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * docker/ holds the production image and a compose file (PostgreSQL, Redis, two gateways
 * behind nginx). No Docker engine runs here, so this checks their structure: what a
 * reviewer would check by eye, kept true as the files change.
 */
const dir = path.resolve(__dirname, '../../docker');
const root = path.resolve(dir, '..');
const compose = parse(fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), { merge: true }); // `<<:` as Compose reads it
const dockerfile = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
const nginx = fs.readFileSync(path.join(dir, 'nginx.conf'), 'utf8');

/** Dockerfile instructions (continuation lines joined, comments dropped), by stage. */
function stages(text: string): { from: string; name: string | null; steps: [string, string][] }[] {
  const lines = text.replace(/\\\n\s*/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const out: { from: string; name: string | null; steps: [string, string][] }[] = [];
  for (const line of lines) {
    const [, op, rest] = line.match(/^(\w+)\s+(.*)$/)!;
    if (op.toUpperCase() === 'FROM') {
      const m = rest.match(/^(\S+)(?:\s+AS\s+(\S+))?/i)!;
      out.push({ from: m[1], name: m[2] ?? null, steps: [] });
    } else out[out.length - 1].steps.push([op.toUpperCase(), rest]);
  }
  return out;
}

describe('Dockerfile', () => {
  const s = stages(dockerfile);
  const final = s[s.length - 1];
  const step = (op: string) => final.steps.filter(([o]) => o === op).map(([, r]) => r);

  test('is multi-stage: the runtime copies the built app from an earlier stage, on a Node 20+ base', () => {
    expect(s.length).toBeGreaterThanOrEqual(2);
    for (const st of s) expect(st.from).toMatch(/^node:(2\d|[3-9]\d)/);
    const builder = s.find((st) => st.name && step('COPY').some((c) => c.includes(`--from=${st.name}`)));
    expect(builder).toBeDefined();
    expect(builder!.steps.some(([o, r]) => o === 'RUN' && /pnpm install .*--frozen-lockfile/.test(r))).toBe(true);
  });

  test('runs as a non-root user, in production mode, the same entry point as pnpm start', () => {
    const users = step('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    expect(step('ENV').join(' ')).toMatch(/GONGZHI_MODE=production/);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(JSON.parse(step('CMD')[0]).join(' ')).toBe(pkg.scripts.start);
    expect(fs.existsSync(path.join(root, 'packages/core/src/main.ts'))).toBe(true);
  });

  test('has a HEALTHCHECK on /healthz and exposes the gateway port', () => {
    const hc = step('HEALTHCHECK');
    expect(hc).toHaveLength(1);
    expect(hc[0]).toMatch(/\/healthz/);
    expect(hc[0]).toMatch(/--interval=\d+s/);
    expect(step('EXPOSE')).toEqual(['4000']);
  });
});

describe('compose file', () => {
  const services = compose.services as Record<string, any>;
  const gateways = Object.entries(services).filter(([, s]) => s.build?.dockerfile === 'docker/Dockerfile' && !s.command);

  test('has PostgreSQL, Redis, two gateways built from the Dockerfile, and nginx in front', () => {
    expect(services.postgres.image).toMatch(/^postgres:\d+/);
    expect(services.redis.image).toMatch(/^redis:\d+/);
    expect(gateways.map(([n]) => n).sort()).toEqual(['gateway-1', 'gateway-2']);
    for (const [, g] of gateways) expect(path.resolve(dir, g.build.context, g.build.dockerfile)).toBe(path.join(dir, 'Dockerfile'));
    expect(services.lb.image).toMatch(/^nginx:/);
    expect(services.lb.ports).toEqual([expect.stringMatching(/:80$/)]);
    expect(services.lb.volumes).toContain('./nginx.conf:/etc/nginx/nginx.conf:ro');
  });

  test('gateways share the database and Redis, use the Redis engine, and start after both are healthy and migrated', () => {
    expect(gateways).toHaveLength(2);
    for (const [, g] of gateways) {
      expect(g.environment.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
      expect(g.environment.REDIS_URL).toBe('redis://redis:6379');
      expect(g.environment.GONGZHI_EVENT_ENGINE).toBe('redis');
      expect(g.depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' },
      });
      expect(g.stop_grace_period).toBeDefined(); // time to drain subscriptions and the relay
    }
    expect(services.migrate.command.join(' ')).toContain('packages/core/src/cli/migrate.ts');
    expect(fs.existsSync(path.join(root, 'packages/core/src/cli/migrate.ts'))).toBe(true);
    expect(services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(services.redis.healthcheck.test.join(' ')).toContain('ping');
    expect(services.lb.depends_on).toEqual({ 'gateway-1': { condition: 'service_healthy' }, 'gateway-2': { condition: 'service_healthy' } });
  });

  test('production secrets come from the environment, never from the file', () => {
    expect(gateways).toHaveLength(2);
    for (const [, g] of gateways) {
      expect(g.environment.GONGZHI_JWT_SECRET).toMatch(/^\$\{GONGZHI_JWT_SECRET:\?/);
      expect(g.environment.GONGZHI_DATA_KEY).toMatch(/^\$\{GONGZHI_DATA_KEY:\?/);
    }
  });

  test('nginx balances over both gateways and upgrades WebSockets (graphql-ws)', () => {
    const upstream = nginx.match(/upstream\s+(\w+)\s*\{([^}]*)\}/)!;
    expect(upstream[2].match(/server\s+[\w-]+:\d+/g)).toEqual(['server gateway-1:4000', 'server gateway-2:4000']);
    expect(nginx).toContain(`proxy_pass http://${upstream[1]};`);
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/proxy_read_timeout\s+(\d+h|\d{3,}s)/);
  });
});
