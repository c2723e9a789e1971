import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { GongzhiPlugin, GongzhiServices } from '@gongzhi/plugin-sdk';
import type { Config } from '../config/config';
import type { Logger } from '../util/logger';
import { EventBus } from './event-bus';
import { Sequencer } from './sequencer';
import { EventDispatcher } from './dispatcher';
import { OutboxEventStreamer } from './event-stream';

/** Everything that turns committed outbox rows into live deliveries, in one place. */
export class LiveEvents {
  readonly bus = new EventBus();
  readonly sequencer: Sequencer;
  readonly dispatcher: EventDispatcher;
  readonly streamer: OutboxEventStreamer;

  constructor(
    orm: MikroORM,
    config: Config,
    plugins: GongzhiPlugin[],
    services: (em: EntityManager) => GongzhiServices,
    isEnabled: (program: string, districtId: string) => boolean,
    log: Logger,
  ) {
    this.sequencer = new Sequencer(orm, this.bus, log);
    this.dispatcher = new EventDispatcher(orm, this.bus, plugins, services, isEnabled, log);
    this.streamer = new OutboxEventStreamer(orm, this.bus, config.eventRetentionDays);
    orm.em.getEventManager().registerSubscriber({
      afterFlush: () => this.sequencer.poke(),
      afterTransactionCommit: () => this.sequencer.poke(),
    });
  }

  start(): void {
    this.sequencer.start();
    this.dispatcher.start();
  }

  /** Publishes what has committed, then lets handlers in flight finish. */
  async stop(): Promise<void> {
    await this.sequencer.stop();
    await this.dispatcher.stop();
  }
}
