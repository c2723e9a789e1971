import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { District, Requires, badInput, resolveSettings } from '@gongzhi/plugin-sdk';
import { P } from '../identity/core-permissions';
import { DistrictEntity, ProgramEnablementChangeEntity, ProgramEnablementEntity } from '../entities';
import { Platform, PluginInfo, ProgramChange, ProgramSettings, ProgramStatus } from './platform.type';
import { em, mustLoadAt } from './load';
import type { CoreContext } from './core-context';

const actorName = (ctx: CoreContext) => ctx.actor?.displayName ?? 'system';

@Resolver()
export class PlatformResolver {
  @Query(() => Platform, { description: '核心版本与已加载插件 / Core version and loaded plugins' })
  @Requires(P['platform:read'])
  async platform(@Ctx() ctx: CoreContext): Promise<Platform> {
    const { programs, coreVersion } = ctx.services;
    const ids = [...new Set(programs.plugins.flatMap((p) => programs.districtsRunning(p.name)))];
    // Row-level security limits these to the caller's districts.
    const districts = ids.length ? await em(ctx).find(DistrictEntity, { id: { $in: ids } }, { orderBy: { name: 'asc' } }) : [];
    return {
      coreVersion,
      plugins: programs.plugins.map((p) => {
        const running = new Set(programs.districtsRunning(p.name));
        return {
          name: p.name, version: p.version, compatibility: p.compatibility, title: p.title,
          dependsOn: p.dependsOn ?? [], optionalDependsOn: p.optionalDependsOn ?? [],
          districts: districts.filter((d) => running.has(d.id)) as unknown as District[],
        } satisfies PluginInfo;
      }),
    };
  }

  @Mutation(() => ProgramStatus, { description: '为某区启用或停用项目（立即生效）/ Enable or disable a program for a district, at once' })
  @Requires(P['program:manage'])
  async setProgramEnabled(@Arg('districtId', () => ID) districtId: string, @Arg('program') program: string,
    @Arg('enabled') enabled: boolean, @Ctx() ctx: CoreContext): Promise<ProgramStatus> {
    ctx.auditDetail.set('setProgramEnabled', { program, enabled });
    const district = await mustLoadAt(ctx, P['program:manage'], DistrictEntity, 'District', districtId);
    const row = await ctx.services.programs.setEnabled(em(ctx), district.id, program, enabled, actorName(ctx));
    return statusOf(ctx, program, row);
  }

  @Mutation(() => ProgramSettings, { description: '修改某区项目设置 / Change a program’s settings for a district' })
  @Requires(P['program:configure'])
  async updateProgramSettings(@Arg('districtId', () => ID) districtId: string, @Arg('program') program: string,
    @Arg('values', () => GraphQLJSONObject) values: Record<string, unknown>, @Ctx() ctx: CoreContext): Promise<ProgramSettings> {
    const { id } = await mustLoadAt(ctx, P['program:configure'], DistrictEntity, 'District', districtId);
    ctx.services.programs.assertEnabled(program, id);
    const effective = await ctx.services.settings.update(em(ctx), id, program, values, actorName(ctx));
    return { program, values: effective, defaults: resolveSettings(ctx.services.settings.definition(program), null) };
  }
}

function statusOf(ctx: CoreContext, program: string, row: ProgramEnablementEntity | undefined): ProgramStatus {
  const plugin = ctx.services.programs.plugins.find((p) => p.name === program);
  if (!plugin) throw badInput('program', `"${program}" is not a loaded program`);
  return { program, title: plugin.title, enabled: row?.enabled ?? false, changedAt: row?.changedAt ?? null, changedBy: row?.changedBy ?? null };
}

@Resolver(() => District)
export class DistrictProgramsResolver {
  @FieldResolver(() => [ProgramStatus], { description: '本区各项目启用情况 / Programs of this district' })
  @Requires(P['tree:read'])
  async programs(@Root() d: DistrictEntity, @Ctx() ctx: CoreContext): Promise<ProgramStatus[]> {
    const rows = await ctx.loaders
      .get<string, ProgramEnablementEntity[]>('District.programs', async (ids) => {
        const all = await em(ctx).find(ProgramEnablementEntity, { districtId: { $in: [...ids] } });
        return ids.map((id) => all.filter((r) => r.districtId === id));
      })
      .load(d.id);
    return ctx.services.programs.plugins.map((p) => statusOf(ctx, p.name, rows.find((r) => r.program === p.name)));
  }

  @FieldResolver(() => [ProgramChange], { description: '本区项目启停记录，新→旧 / Every enablement change here, newest first' })
  @Requires(P['tree:read'])
  async programHistory(@Root() d: DistrictEntity, @Ctx() ctx: CoreContext,
    @Arg('program', () => String, { nullable: true }) program?: string | null): Promise<ProgramChange[]> {
    const rows = await ctx.loaders
      .get<string, ProgramEnablementChangeEntity[]>('District.programHistory', async (ids) => {
        const all = await em(ctx).find(ProgramEnablementChangeEntity, { districtId: { $in: [...ids] } }, { orderBy: { changedAt: 'desc', id: 'asc' } });
        return ids.map((id) => all.filter((r) => r.districtId === id));
      })
      .load(d.id);
    return program ? rows.filter((r) => r.program === program) : rows;
  }

  @FieldResolver(() => ProgramSettings, { description: '本区某项目设置 / Settings of one program here' })
  @Requires(P['tree:read'])
  async programSettings(@Root() d: DistrictEntity, @Arg('program') program: string, @Ctx() ctx: CoreContext): Promise<ProgramSettings> {
    ctx.services.programs.assertEnabled(program, d.id);
    const def = ctx.services.settings.definition(program);
    return { program, values: await ctx.settings.get(def, d.id), defaults: resolveSettings(def, null) };
  }
}
