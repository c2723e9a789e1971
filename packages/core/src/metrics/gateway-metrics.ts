import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the gateway reads at each scrape (pull: the code it observes holds plain counts, no metrics types). */
export interface MetricSources {
  pool(): { used: number; free: number; pending: number; max: number };
  websockets(): number;
  subscriptions(): number;
  /** Newest sequenced outbox event minus the newest this process delivered (reads the database). */
  outboxLag(): Promise<number>;
  dashboardComputations(): number;
  /** Per handler: failures retried later, and events parked after the last attempt. */
  handlerFailures(): ReadonlyMap<string, { retried: number; parked: number }>;
  /** Per plugin job: periods this gateway ran, by outcome. */
  jobRuns(): ReadonlyMap<string, { done: number; failed: number }>;
}

/** One finished GraphQL operation, as the request log writes it. */
export interface RequestRecord {
  transport: 'http' | 'ws';
  operationName: string | null;
  /** 'ok', or the distinct error codes the client got. */
  outcome: 'ok' | unknown[];
  durationMs: number;
  sqlStatements: number | undefined;
}

/** Operation names are chosen by clients: label at most this many distinct ones, the rest as `other`. */
export const MAX_OPERATION_NAMES = 200;

/**
 * The Prometheus metrics of one gateway, in its own Registry (never prom-client's global
 * default): two gateways in one process count apart.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  private readonly requests: Counter<'transport' | 'operation_name' | 'outcome'>;
  private readonly duration: Histogram<'transport' | 'operation_name' | 'outcome'>;
  private readonly sql: Histogram<'transport'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'gongzhi_requests_total', help: 'GraphQL operations by transport, operation name and outcome (ok or the first error code)',
      labelNames: ['transport', 'operation_name', 'outcome'], registers,
    });
    this.duration = new Histogram({
      name: 'gongzhi_request_duration_seconds', help: 'GraphQL operation duration, from arrival to response',
      labelNames: ['transport', 'operation_name', 'outcome'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers,
    });
    this.sql = new Histogram({
      name: 'gongzhi_request_sql_statements', help: 'SQL statements per GraphQL operation',
      labelNames: ['transport'], buckets: [0, 1, 2, 5, 10, 20, 50, 100, 200], registers,
    });
    new Gauge({
      name: 'gongzhi_db_pool_connections', help: 'Database pool connections by state (used, free, pending acquires, max)',
      labelNames: ['state'], registers,
      collect() {
        for (const [state, n] of Object.entries(sources.pool())) this.set({ state }, n);
      },
    });
    new Gauge({ name: 'gongzhi_websockets_open', help: 'Open WebSocket connections', registers, collect() { this.set(sources.websockets()); } });
    new Gauge({ name: 'gongzhi_subscriptions_active', help: 'Active GraphQL subscriptions', registers, collect() { this.set(sources.subscriptions()); } });
    new Gauge({
      name: 'gongzhi_outbox_lag_events', help: 'Newest sequenced outbox event minus the newest delivered by this gateway (NaN: database unreachable)', registers,
      async collect() {
        this.set(await sources.outboxLag().catch(() => NaN));
      },
    });
    new Counter({
      name: 'gongzhi_dashboard_computations_total', help: 'Dashboard snapshot computations (shared by every subscriber of a node)', registers,
      collect() {
        this.reset();
        this.inc(sources.dashboardComputations());
      },
    });
    const failures = (name: string, help: string, pick: (f: { retried: number; parked: number }) => number) => new Counter({
      name, help, labelNames: ['handler'], registers,
      collect() {
        this.reset();
        for (const [handler, f] of sources.handlerFailures()) this.inc({ handler }, pick(f));
      },
    });
    failures('gongzhi_subscriber_retries_total', 'Plugin event handler failures that will be retried', (f) => f.retried);
    failures('gongzhi_subscriber_parked_total', 'Events parked for a plugin handler after its last failed attempt', (f) => f.parked);
    new Counter({
      name: 'gongzhi_job_runs_total', help: 'Periods of plugin jobs this gateway ran, by job and outcome (done, failed)', labelNames: ['job', 'outcome'], registers,
      collect() {
        this.reset();
        for (const [job, n] of sources.jobRuns()) {
          this.inc({ job, outcome: 'done' }, n.done);
          this.inc({ job, outcome: 'failed' }, n.failed);
        }
      },
    });
  }

  request(r: RequestRecord): void {
    const labels = { transport: r.transport, operation_name: this.operationLabel(r.operationName), outcome: r.outcome === 'ok' ? 'ok' : String(r.outcome[0] ?? 'error') };
    this.requests.inc(labels);
    this.duration.observe(labels, r.durationMs / 1000);
    if (r.sqlStatements !== undefined) this.sql.observe({ transport: r.transport }, r.sqlStatements);
  }

  private operationLabel(name: string | null): string {
    if (!name) return '';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES || name.length > 100) return 'other';
    this.names.add(name);
    return name;
  }
}
