import { diff, CriticalityLevel } from '@graphql-inspector/core';
import semver from 'semver';
import type { GraphQLSchema } from 'graphql';

export interface BreakingReport {
  breaking: string[];
  dangerous: string[];
  safe: string[];
}

export async function compareSchemas(before: GraphQLSchema, after: GraphQLSchema): Promise<BreakingReport> {
  const changes = await diff(before, after);
  const pick = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level).map((c) => c.message);
  return { breaking: pick(CriticalityLevel.Breaking), dangerous: pick(CriticalityLevel.Dangerous), safe: pick(CriticalityLevel.NonBreaking) };
}

/**
 * The rule for published SDL: a breaking change needs a higher major version than the
 * release it breaks; any change at all needs a new version (a release's SDL is immutable).
 */
export function versionProblem(plugin: string, released: string, current: string, report: BreakingReport): string | null {
  const changed = report.breaking.length + report.dangerous.length + report.safe.length > 0;
  if (report.breaking.length && semver.major(current) <= semver.major(released)) {
    return `${plugin}: breaking change to SDL published in ${released} needs a major version bump (now ${current}):\n  - ${report.breaking.join('\n  - ')}`;
  }
  if (changed && semver.eq(current, released)) {
    return `${plugin}: SDL changed but the version is still ${released}; bump the version (and the CHANGELOG)`;
  }
  return null;
}
