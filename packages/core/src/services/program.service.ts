import type { EntityManager } from '@mikro-orm/postgresql';
import { ProgramNotEnabledError, badInput, defineEvent, emit, type GongzhiPlugin, type ProgramGate } from '@gongzhi/plugin-sdk';
import { ProgramEnablementChangeEntity, ProgramEnablementEntity } from '../entities';

/** Tells every gateway to refresh its enablement cache (and dashboards to follow). */
export const ProgramChanged = defineEvent<{ program: string; enabled: boolean; changedBy: string }>('platform.program.changed', { program: 'core', version: '1.0.0' });

/**
 * Which districts run which programs, cached in memory so the check on every plugin
 * field costs no SQL. A change updates this gateway's cache at once and emits
 * `platform.program.changed`, on which every other gateway reloads.
 */
export class ProgramService implements ProgramGate {
  private enabled = new Map<string, Set<string>>();
  private readonly loaded: Map<string, GongzhiPlugin>;
  private readonly listeners = new Set<() => void>();

  constructor(plugins: GongzhiPlugin[]) {
    this.loaded = new Map(plugins.map((p) => [p.name, p]));
  }

  get plugins(): GongzhiPlugin[] {
    return [...this.loaded.values()];
  }

  async reload(em: EntityManager): Promise<void> {
    const rows = await em.fork().find(ProgramEnablementEntity, { enabled: true });
    const next = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!next.has(r.districtId)) next.set(r.districtId, new Set());
      next.get(r.districtId)!.add(r.program);
    }
    this.enabled = next;
    this.changed();
  }

  /** Called after every change of this gateway's cache (its own changes and reloads on others' events). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  isEnabled(program: string, districtId: string): boolean {
    return this.loaded.has(program) && (this.enabled.get(districtId)?.has(program) ?? false);
  }

  assertEnabled(program: string, districtId: string): void {
    if (!this.isEnabled(program, districtId)) throw new ProgramNotEnabledError(program);
  }

  districtsRunning(program: string): string[] {
    return [...this.enabled.entries()].filter(([, set]) => set.has(program)).map(([d]) => d);
  }

  /** Records the change and its history row in one transaction, then updates the cache. */
  async setEnabled(em: EntityManager, districtId: string, program: string, enabled: boolean, changedBy: string): Promise<ProgramEnablementEntity> {
    if (!this.loaded.has(program)) throw badInput('program', `"${program}" is not a program loaded by this gateway`);
    const row = await em.transactional(async (tx) => {
      const now = new Date();
      let current = await tx.findOne(ProgramEnablementEntity, { districtId, program });
      if (!current) {
        current = tx.create(ProgramEnablementEntity, { districtId, program, enabled, changedBy, changedAt: now });
      } else {
        current.enabled = enabled;
        current.changedBy = changedBy;
        current.changedAt = now;
      }
      tx.create(ProgramEnablementChangeEntity, { districtId, program, enabled, changedBy, changedAt: now });
      emit(tx, ProgramChanged, { districtId }, { program, enabled, changedBy });
      return current;
    });
    const set = this.enabled.get(districtId) ?? new Set<string>();
    if (enabled) set.add(program);
    else set.delete(program);
    this.enabled.set(districtId, set);
    this.changed();
    return row;
  }
}
