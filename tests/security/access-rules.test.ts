import path from 'node:path';
import { accessRuleOf } from '@gongzhi/plugin-sdk';
import { discoverPlugins } from '@gongzhi/core';
import { fieldsNeedingRules } from '@gongzhi/core/src/security/access-guard';
import { schemaWith } from '@gongzhi/core/src/schema/plugin-sdl';
import fixture from '@gongzhi/fixture-plugin';

/** Default deny, proven over the whole graph: every root field and resolver-computed field declares who may reach it. */
test('every field that reads or writes data declares an access rule (core, every installed plugin, the fixture)', async () => {
  const plugins = [...discoverPlugins([path.resolve(__dirname, '../../plugins')]), fixture];
  const schema = await schemaWith(plugins);
  const fields = fieldsNeedingRules(schema);
  const missing = fields.filter((f) => !accessRuleOf(f.field.extensions as Record<string, unknown>)).map((f) => `${f.type}.${f.field.name}`);
  process.stdout.write(`access rules: ${fields.length} fields need one, ${fields.length - missing.length} declare one\n`);
  expect(fields.length).toBeGreaterThan(60);
  expect(missing).toEqual([]);
}, 60_000);
