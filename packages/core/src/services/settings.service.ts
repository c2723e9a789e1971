import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BadUserInputError, badInput, resolveSettings, validateSettings,
  type GongzhiPlugin, type SettingsDefinition, type SettingsOf,
} from '@gongzhi/plugin-sdk';
import { ProgramSettingEntity } from '../entities';

/** Per-district plugin settings: typed, defaulted, validated. */
export class SettingsService {
  private readonly programOf = new Map<SettingsDefinition, string>();
  private readonly defOf = new Map<string, SettingsDefinition>();

  constructor(plugins: GongzhiPlugin[]) {
    for (const p of plugins) {
      if (!p.settings) continue;
      this.programOf.set(p.settings, p.name);
      this.defOf.set(p.name, p.settings);
    }
  }

  programFor(def: SettingsDefinition): string {
    const program = this.programOf.get(def);
    if (!program) throw new Error('Settings definition is not declared by a loaded plugin manifest');
    return program;
  }

  definition(program: string): SettingsDefinition {
    const def = this.defOf.get(program);
    if (!def) throw badInput('program', `"${program}" has no settings in this gateway`);
    return def;
  }

  /** Batch loader body: stored rows for (program, district) keys. */
  async loadStored(em: EntityManager, keys: readonly string[]): Promise<(Record<string, unknown> | null)[]> {
    const pairs = keys.map((k) => k.split('|') as [string, string]);
    const rows = await em.find(ProgramSettingEntity, { $or: pairs.map(([program, districtId]) => ({ program, districtId })) });
    const byKey = new Map(rows.map((r) => [`${r.program}|${r.districtId}`, r.values]));
    return keys.map((k) => byKey.get(k) ?? null);
  }

  resolve<D extends SettingsDefinition>(def: D, stored: Record<string, unknown> | null): SettingsOf<D> {
    return resolveSettings(def, stored);
  }

  /** Validates a partial update against the plugin's definition and stores it. */
  async update(em: EntityManager, districtId: string, program: string, values: Record<string, unknown>, updatedBy: string) {
    const def = this.definition(program);
    const problems = validateSettings(def, values, 'values');
    if (problems.length) throw new BadUserInputError(problems);
    return em.transactional(async (tx) => {
      const row = await tx.findOne(ProgramSettingEntity, { districtId, program }, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
      const merged = { ...(row?.values ?? {}), ...values };
      if (row) {
        row.values = merged;
        row.updatedAt = new Date();
        row.updatedBy = updatedBy;
      } else {
        tx.create(ProgramSettingEntity, { districtId, program, values: merged, updatedBy });
      }
      return resolveSettings(def, merged);
    });
  }
}
