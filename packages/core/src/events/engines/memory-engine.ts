import type { EngineSink, EventEngine } from './event-engine';

/** One process: the sequencer feeds the local bus directly; nothing travels. */
export class MemoryEngine implements EventEngine {
  readonly kind = 'memory' as const;
  readonly connected = true;
  async start(_sink: EngineSink): Promise<void> {}
  async announce(): Promise<void> {}
  async stop(): Promise<void> {}
}
