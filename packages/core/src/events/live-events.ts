import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Clock, GongzhiPlugin, GongzhiServices } from '@gongzhi/plugin-sdk';
import type { Config } from '../config/config';
import type { Logger } from '../util/logger';
import { EventBus } from './event-bus';
import { Sequencer } from './sequencer';
import { EventDispatcher } from './dispatcher';
import { OutboxEventStreamer } from './event-stream';
import { OutboxRelay } from './outbox-relay';
import { createEventEngine, type EventEngine } from './engines';
import { DashboardService } from '../dashboard/dashboard.service';
import { watchOutboxCommits } from './outbox-commit-watch';
import type { TenantScope } from '../security/tenant-scope';

/**
 * Everything that turns committed outbox rows into live deliveries, in one place:
 *
 *   commit → Sequencer (one gateway at a time gives `seq`) → local relay → bus → streams, dashboards
 *                      ↘ dispatcher (plugin handlers, on the sequencing gateway)
 *                      ↘ engine.announce → other gateways' relays → their buses
 *
 * Every relay also reads the outbox after its own `lastSeq` on start, on every engine
 * (re)connection and every `pollMs`, so a lost signal delays an event but never loses it.
 */
export class LiveEvents {
  readonly bus = new EventBus();
  readonly sequencer: Sequencer;
  readonly dispatcher: EventDispatcher;
  readonly streamer: OutboxEventStreamer;
  readonly relay: OutboxRelay;
  readonly dashboards: DashboardService;
  engine: EventEngine | null = null;
  private readonly offSequenced: () => void;
  private readonly announcing = new Set<Promise<void>>();

  private readonly orm: MikroORM;

  /** `system`: the outbox, sequencer, relay and handlers; `request`: the request role's ORM (dashboards, and its commits poke the sequencer). */
  constructor(
    orms: { system: MikroORM; request: MikroORM },
    scope: TenantScope,
    private readonly config: Config,
    plugins: GongzhiPlugin[],
    services: (em: EntityManager) => GongzhiServices,
    isEnabled: (program: string, districtId: string) => boolean,
    private readonly log: Logger,
    clock: Clock,
  ) {
    const orm = (this.orm = orms.system);
    const safetyNet = { periodMs: config.eventPollMs, quietAfterMs: config.eventQuietAfterMs };
    this.sequencer = new Sequencer(orm, log, safetyNet);
    this.relay = new OutboxRelay(orm, this.bus, log, safetyNet);
    this.dispatcher = new EventDispatcher(orm, this.sequencer, plugins, services, isEnabled, log, safetyNet, config.eventHandlerBatch);
    this.streamer = new OutboxEventStreamer(orm, this.bus, config.eventRetentionDays);
    this.dashboards = new DashboardService(orms.request, scope, this.bus, plugins, isEnabled, config.dashboardIntervalMs, log, clock);
    this.offSequenced = this.sequencer.on((events) => {
      this.relay.offer(events);
      const sent = this.engine?.announce(events);
      if (sent) {
        this.announcing.add(sent);
        void sent.finally(() => this.announcing.delete(sent));
      }
    });
    // Events sequenced elsewhere: the other gateway is active, keep this one's safety nets on too.
    this.bus.on(() => {
      this.sequencer.touch();
      this.dispatcher.touch();
    });
    for (const o of new Set([orms.system, orms.request])) watchOutboxCommits(o.em.getEventManager(), () => this.sequencer.poke());
  }

  async start(): Promise<void> {
    await this.relay.start();
    this.engine = await createEventEngine(this.config, this.orm, this.log);
    await this.engine.start({ remote: (maxSeq, events) => this.relay.remote(maxSeq, events), resync: () => {
      this.relay.catchUp();
      this.dispatcher.catchUpNow(); // events another gateway sequenced and left while the engine was away
    } });
    this.sequencer.start();
    this.dispatcher.start();
  }

  /**
   * Drains without losing events: sequences and announces what has committed (so other
   * gateways deliver it), publishes it locally, lets handlers in flight finish, then
   * disconnects the engine. Anything not sequenced here is sequenced by another gateway
   * or on next start; the outbox keeps it either way.
   */
  async stop(): Promise<void> {
    await this.sequencer.stop();
    await this.relay.stop();
    this.offSequenced();
    await this.dispatcher.stop();
    await Promise.allSettled([...this.announcing]);
    await this.engine?.stop();
    this.dashboards.stop();
  }
}
