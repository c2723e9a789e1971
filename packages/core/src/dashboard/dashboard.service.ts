import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { toGlobalId, type Clock, type DashboardFigure, type DomainEvent, type GongzhiPlugin, type ScopeNode } from '@gongzhi/plugin-sdk';
import type { Logger } from '../util/logger';
import type { EventBus } from '../events/event-bus';
import { inScope } from '../events/event-stream';
import { Channel } from '../events/channel';
import { StatsService } from '../services/stats.service';
import { LoaderRegistry } from '../services/loaders';
import { beginTenantTransaction, endTenantTransaction } from '../security/tenant-transaction';
import type { TenantScope } from '../security/tenant-scope';
import type { DashboardSnapshot } from './dashboard.type';
import { shareable } from './shared-execution';

export type DashboardLevel = 'district' | 'street' | 'community';

export interface DashboardNode {
  level: DashboardLevel;
  id: string;
  name: string;
  scope: ScopeNode;
}

const TYPENAME: Record<DashboardLevel, string> = { district: 'District', street: 'Street', community: 'Community' };
/** Figures that change without an event (residents edited) are refreshed at least this often. */
const REFRESH_MS = 60_000;

type Deliver = (s: DashboardSnapshot) => void;

/** One node's shared state: its subscribers, its last snapshot, and when it may next be computed. */
class NodeFeed {
  readonly subscribers = new Set<Deliver>();
  snapshot: DashboardSnapshot | null = null;
  fingerprint = '';
  dirty = true;
  computing = false;
  lastComputedAt = 0;
  version = 0;
  timer: NodeJS.Timeout | null = null;
  constructor(readonly key: string, readonly node: DashboardNode) {}
}

/**
 * Live dashboard figures per node of the tree. A node's snapshot is computed in SQL once
 * and handed to every subscriber of that node; after events in its scope it is recomputed
 * at most once per `intervalMs` (later events coalesce into the next computation), and an
 * unchanged result is not sent again. Slow subscribers only ever hold the latest snapshot.
 */
export class DashboardService {
  /** Snapshot computations since start (tests prove sharing with it). */
  computations = 0;
  private readonly feeds = new Map<string, NodeFeed>();
  private readonly off: () => void;
  private readonly refresher: NodeJS.Timeout;

  constructor(
    /** The request role's ORM: figures are read as a request would read them. */
    private readonly orm: MikroORM,
    private readonly scope: TenantScope,
    private readonly bus: EventBus,
    private readonly plugins: GongzhiPlugin[],
    private readonly isEnabled: (program: string, districtId: string) => boolean,
    private readonly intervalMs: number,
    private readonly log: Logger,
    /** The gateway's "now", handed to program sections. */
    private readonly clock: Clock,
  ) {
    this.off = bus.on((events) => this.onEvents(events));
    this.refresher = setInterval(() => this.feeds.forEach((f) => this.markDirty(f)), Math.max(REFRESH_MS, intervalMs));
    this.refresher.unref();
  }

  get nodeCount(): number {
    return this.feeds.size;
  }

  /**
   * Snapshots of a node: the current one at once (computed if nobody watched it yet), then after
   * relevant changes. The caller found `node` through its own tenant transaction (row-level
   * security): a feed is never a way to reach a node the caller could not read.
   */
  subscribe(node: DashboardNode): AsyncIterableIterator<DashboardSnapshot> {
    const key = `${node.scope.districtId}/${node.level}:${node.id}`; // one feed per node, never shared across districts
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = new NodeFeed(key, node);
      this.feeds.set(key, feed);
      this.schedule(feed);
    }
    const f = feed;
    let pending: DashboardSnapshot | undefined = f.snapshot ?? undefined;
    const channel = new Channel<DashboardSnapshot>(
      () => {
        const value = pending;
        pending = undefined;
        return value;
      },
      () => {
        f.subscribers.delete(deliver);
        if (!f.subscribers.size && this.feeds.get(key) === f) this.drop(f);
      },
    );
    const deliver: Deliver = (s) => {
      pending = s; // only the latest snapshot waits for a slow reader
      channel.notify();
    };
    f.subscribers.add(deliver);
    return channel;
  }

  stop(): void {
    this.off();
    clearInterval(this.refresher);
    for (const f of this.feeds.values()) this.drop(f);
  }

  private drop(f: NodeFeed): void {
    if (f.timer) clearTimeout(f.timer);
    f.timer = null;
    this.feeds.delete(f.key);
  }

  private onEvents(events: DomainEvent[]): void {
    if (!this.feeds.size) return;
    for (const f of this.feeds.values()) {
      if (events.some((e) => inScope(e, f.node.scope))) this.markDirty(f);
    }
  }

  private markDirty(f: NodeFeed): void {
    f.dirty = true;
    this.schedule(f);
  }

  /** Runs the computation at the earliest moment the interval allows (one timer per node). */
  private schedule(f: NodeFeed): void {
    if (f.timer || f.computing || !f.dirty || this.feeds.get(f.key) !== f) return;
    const wait = f.lastComputedAt ? Math.max(0, f.lastComputedAt + this.intervalMs - Date.now()) : 0;
    f.timer = setTimeout(() => {
      f.timer = null;
      void this.run(f);
    }, wait);
    f.timer.unref();
  }

  private async run(f: NodeFeed): Promise<void> {
    f.computing = true;
    f.dirty = false;
    f.lastComputedAt = Date.now();
    try {
      const snapshot = await this.compute(f);
      const { computedAt: _c, cursor: _s, version: _v, ...figures } = snapshot;
      const fingerprint = JSON.stringify(figures);
      if (fingerprint !== f.fingerprint || !f.snapshot) {
        f.fingerprint = fingerprint;
        f.snapshot = snapshot;
        for (const deliver of f.subscribers) deliver(snapshot);
      }
    } catch (e) {
      this.log.error('dashboard computation failed', { node: f.key, error: String(e) });
      f.dirty = true; // try again after the interval
    } finally {
      f.computing = false;
      this.schedule(f);
    }
  }

  /**
   * One transaction as the request role with the node's district as the tenant setting, so
   * row-level security alone keeps the figures in that district (whatever the node claims);
   * one snapshot of the data for every figure. A failing program section gives no figures.
   */
  private async compute(f: NodeFeed): Promise<DashboardSnapshot> {
    this.computations++;
    const { node } = f;
    const cursor = this.bus.lastSeq.toString(); // events up to here are included (read after this point)
    const computedAt = new Date(f.lastComputedAt);
    const sections = this.plugins.filter((p) => p.dashboard && this.isEnabled(p.name, node.scope.districtId));
    const em = this.orm.em.fork({ useContext: false, freshEventManager: true }) as EntityManager;
    await beginTenantTransaction(em, this.scope, [node.scope.districtId]);
    let ok = false;
    try {
      const stats = new StatsService(em, new LoaderRegistry());
      const [residentCount, careTagCounts] = await Promise.all([stats.residentCount(node.level, node.id), stats.careTagCounts(node.level, node.id)]);
      const figures: DashboardFigure[][] = [];
      for (const p of sections) {
        // A savepoint per section: one program's failing statement does not abort the others.
        figures.push(await em.transactional((tx) => p.dashboard!.compute(tx, node.scope, { clock: this.clock })).catch((e) => {
          this.log.error('dashboard section failed', { program: p.name, node: f.key, error: String(e) });
          return [];
        }));
      }
      ok = true;
      return shareable({
        node: toGlobalId(TYPENAME[node.level], node.id),
        level: node.level.toUpperCase(),
        name: node.name,
        residentCount,
        careTagCounts,
        sections: sections.map((p, i) => ({ program: p.name, title: p.dashboard!.title, figures: figures[i].map((x) => ({ ...x, unit: x.unit ?? 'count' })) })),
        cursor,
        computedAt,
        version: ++f.version,
      } as DashboardSnapshot);
    } finally {
      await endTenantTransaction(em, ok);
    }
  }
}
