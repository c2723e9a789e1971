import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { parse } from 'yaml';

/**
 * docker/ holds the production image and a compose file (PostgreSQL, Redis, N gateways
 * behind nginx). No Docker engine runs here and nothing can pull images, so this checks
 * their structure: what a reviewer would check by eye, kept true as the files change.
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
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const builder = s.find((st) => st.name && step('COPY').some((c) => c.includes(`--from=${st.name}`)));

  test('every stage is Node 22 LTS pinned by digest', () => {
    expect(s.length).toBeGreaterThanOrEqual(2);
    for (const st of s) expect(st.from).toMatch(/^node:22\.\d+\.\d+-[a-z]+-slim@sha256:[0-9a-f]{64}$/);
    expect(new Set(s.map((st) => st.from)).size).toBe(1); // build and runtime on the same Node
  });

  test('is multi-stage: the build compiles (pnpm build) and keeps production dependencies only; the runtime installs nothing', () => {
    expect(builder).toBeDefined();
    const runs = builder!.steps.filter(([o]) => o === 'RUN').map(([, r]) => r).join(' && ');
    expect(runs).toMatch(/pnpm install [^&]*--frozen-lockfile/);
    expect(runs).toMatch(/pnpm build/);
    expect(runs).toMatch(/pnpm install [^&]*--prod\b/);
    expect(runs.indexOf('pnpm build')).toBeLessThan(runs.search(/pnpm install [^&]*--prod\b/));
    expect(pkg.scripts.build).toBeDefined();
    expect(step('RUN').join(' ')).not.toMatch(/pnpm|npm install|tsc/);
  });

  test('the runtime runs compiled JavaScript: the .js that pnpm build makes of pnpm start\'s entry, with no TypeScript loader', () => {
    const cmd = JSON.parse(step('CMD')[0]) as string[];
    expect(cmd[0]).toBe('node');
    expect(cmd.join(' ')).not.toMatch(/swc|ts-node|tsx|\.ts\b|-r\b|--require|--loader|--import/);
    const entry = pkg.scripts.start.split(' ').pop() as string; // packages/core/src/main.ts
    expect(entry).toMatch(/\.ts$/);
    expect(cmd.slice(1)).toEqual([entry.replace(/\.ts$/, '.js')]);
    const build = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));
    expect(build.include).toContain(path.dirname(entry));
    expect(build.compilerOptions.outDir).toBe('dist');
  });

  test('runs as a non-root user, in production mode, on code it cannot change', () => {
    const users = step('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    expect(step('ENV').join(' ')).toMatch(/GONGZHI_MODE=production/);
    expect(step('ENV').join(' ')).toMatch(/NODE_ENV=production/);
    for (const c of step('COPY')) expect(c).not.toMatch(/--chown/);
  });

  test('has a HEALTHCHECK on /readyz (ready: database and migrations) and exposes the gateway port', () => {
    const hc = step('HEALTHCHECK');
    expect(hc).toHaveLength(1);
    expect(hc[0]).toMatch(/\/readyz/);
    expect(hc[0]).toMatch(/--interval=\d+s/);
    expect(step('EXPOSE')).toEqual(['4000']);
  });

  test('the build context leaves out local installs, builds and data', () => {
    const ignore = fs.readFileSync(path.join(dir, 'Dockerfile.dockerignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.data', '.git']));
  });
});

describe('engines', () => {
  test('Node 22 LTS is the documented default, and the Node 20.19+ this machine runs still fits', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const range = pkg.engines.node as string;
    for (const v of ['22.23.2', '22.12.0', '20.19.0', process.versions.node]) expect(semver.satisfies(v, range)).toBe(true);
    expect(semver.satisfies('20.18.0', range)).toBe(false);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/Node\.js 22 LTS/);
  });
});

describe('compose file', () => {
  const services = compose.services as Record<string, any>;
  const gateways = Object.entries(services).filter(([, s]) => s.build?.dockerfile === 'docker/Dockerfile');
  const [, gateway] = gateways[0] ?? [];
  /** `${NAME:-default}` -> default (what Compose uses when NAME is unset). */
  const byDefault = (v: unknown) => String(v).replace(/^\$\{\w+:-([^}]*)\}$/, '$1');

  test('has PostgreSQL, Redis, one gateway service built from the Dockerfile with N replicas, and nginx in front', () => {
    const pinned = /@sha256:[0-9a-f]{64}$/;
    expect(services.postgres.image).toMatch(/^postgres:\d+/);
    expect(services.redis.image).toMatch(/^redis:\d+/);
    for (const s of [services.postgres, services.redis, services.lb]) expect(s.image).toMatch(pinned);
    expect(gateways.map(([n]) => n)).toEqual(['gateway']);
    expect(path.resolve(dir, gateway.build.context, gateway.build.dockerfile)).toBe(path.join(dir, 'Dockerfile'));
    expect(gateway.deploy.replicas).toMatch(/^\$\{GONGZHI_GATEWAYS:-\d+\}$/);
    expect(Number(byDefault(gateway.deploy.replicas))).toBeGreaterThanOrEqual(2);
    expect(gateway.container_name).toBeUndefined(); // replicas need generated names
    expect(gateway.ports).toBeUndefined(); // only nginx publishes a port
    expect(services.lb.image).toMatch(/^nginx:/);
    expect(services.lb.ports).toEqual([expect.stringMatching(/:80$/)]);
    expect(services.lb.volumes).toContain('./nginx.conf:/etc/nginx/nginx.conf:ro');
  });

  test('gateways start at once (no migrate step before them): they share the database and Redis and wait only for both to be healthy', () => {
    expect(gateway.environment.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(gateway.environment.REDIS_URL).toBe('redis://redis:6379');
    expect(gateway.environment.GONGZHI_EVENT_ENGINE).toBe('redis');
    expect(gateway.environment.GONGZHI_TRUST_PROXY).toBe('uniquelocal'); // behind nginx: clients' own addresses for limits and the lockout
    expect(gateway.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(gateway.stop_grace_period).toBeDefined(); // time to drain subscriptions and the relay
    expect(gateway.command).toBeUndefined(); // the image's CMD: compiled main.js
    expect(services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(services.redis.healthcheck.test.join(' ')).toContain('ping');
    expect(services.lb.depends_on).toEqual({ gateway: { condition: 'service_healthy' } });
  });

  test('production secrets and database passwords come from the environment, never from the file', () => {
    expect(gateway.environment.GONGZHI_JWT_SECRET).toMatch(/^\$\{GONGZHI_JWT_SECRET:\?/);
    expect(gateway.environment.GONGZHI_DATA_KEY).toMatch(/^\$\{GONGZHI_DATA_KEY:\?/);
    for (const v of ['POSTGRES_PASSWORD', 'GONGZHI_OWNER_PASSWORD', 'GONGZHI_REQUEST_PASSWORD']) {
      expect(services.postgres.environment[v]).toMatch(new RegExp(`^\\$\\{${v}:\\?`));
    }
  });

  test('gateways connect as the owner created by postgres-init (no superuser) and serve requests as its request role', () => {
    const init = fs.readFileSync(path.join(dir, 'postgres-init/10-gongzhi-roles.sh'), 'utf8');
    const v = Object.fromEntries([...init.matchAll(/-v (\w+)=("?)([^\s"]+)\2/g)].map((m) => [m[1], m[3]]));
    const mounts = services.postgres.volumes as string[];
    expect(mounts).toContain('./postgres-init/10-gongzhi-roles.sh:/docker-entrypoint-initdb.d/10-gongzhi-roles.sh:ro');
    const sqlMount = mounts.find((m) => m.startsWith('./postgres-init/gongzhi-roles.sql:'))!;
    expect(init).toContain(`-f ${sqlMount.split(':')[1]}`);
    expect(sqlMount.split(':')[1]).not.toMatch(/^\/docker-entrypoint-initdb\.d\//); // it needs the script's variables
    expect(fs.existsSync(path.join(dir, 'postgres-init/gongzhi-roles.sql'))).toBe(true); // run by tests/core/operator-roles.test.ts
    const system = new URL(gateway.environment.DATABASE_URL.replace(/\$\{[^}]+\}/, 'x'));
    const request = new URL(gateway.environment.GONGZHI_REQUEST_DATABASE_URL.replace(/\$\{[^}]+\}/, 'x'));
    expect([system.username, system.pathname, system.host]).toEqual([v.owner_role, `/${v.database}`, 'postgres:5432']);
    expect([request.username, request.pathname, request.host]).toEqual([v.request_role, `/${v.database}`, 'postgres:5432']);
    expect(gateway.environment.DATABASE_URL).toContain('${GONGZHI_OWNER_PASSWORD:?');
    expect(gateway.environment.GONGZHI_REQUEST_DATABASE_URL).toContain('${GONGZHI_REQUEST_PASSWORD:?');
    expect([v.owner_role, v.request_role]).not.toContain(services.postgres.environment.POSTGRES_USER);
    // healthy once the real server (not the init scripts' socket-only one) answers, as the owner, on the gateways' database
    expect(services.postgres.healthcheck.test.join(' ')).toMatch(new RegExp(`pg_isready -h 127\\.0\\.0\\.1 -U ${v.owner_role} -d ${v.database}`));
  });

  test('nginx balances over every replica of the gateway service and upgrades WebSockets (graphql-ws)', () => {
    const upstream = nginx.match(/upstream\s+(\w+)\s*\{([^}]*)\}/)!;
    expect(upstream[2].match(/server\s+[\w-]+:\d+/g)).toEqual(['server gateway:4000']);
    expect(nginx).toContain(`proxy_pass http://${upstream[1]};`);
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/proxy_read_timeout\s+(\d+h|\d{3,}s)/);
  });
});
