import { definePlugin, type GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { PluginHostError, loadConfig, resolvePlugins, Gateway } from '@gongzhi/core';
import { fixtureWith } from '@gongzhi/fixture-plugin';

const p = (name: string, extra: Partial<Parameters<typeof definePlugin>[0]> = {}): GongzhiPlugin =>
  definePlugin({ name, version: '1.4.2', compatibility: '^1.0.0', title: { zh: name, en: name }, ...extra });

test('plugins load in dependency order, optional dependencies first when present', () => {
  const order = resolvePlugins([p('c', { dependsOn: ['b'] }), p('b', { optionalDependsOn: ['a', 'zz'] }), p('a')], null, '1.0.0');
  expect(order.map((x) => x.name)).toEqual(['a', 'b', 'c']);
});

test('an incompatible core range refuses with one message naming the plugin and both versions', () => {
  expect(() => resolvePlugins([p('volunteer-bank', { compatibility: '^2.0.0' })], null, '1.3.0')).toThrow(
    new PluginHostError('Plugin "volunteer-bank" 1.4.2 requires @gongzhi/core ^2.0.0, but this core is 1.3.0'),
  );
});

test('a missing dependency refuses, saying whether it is not installed or not loaded', () => {
  expect(() => resolvePlugins([p('b', { dependsOn: ['a'] })], null, '1.0.0')).toThrow('Plugin "b" 1.4.2 depends on plugin "a", which is not installed');
  expect(() => resolvePlugins([p('a'), p('b', { dependsOn: ['a'] })], ['b'], '1.0.0')).toThrow('which is installed but not loaded (GONGZHI_PLUGINS)');
});

test('a dependency cycle refuses and names the cycle', () => {
  expect(() => resolvePlugins([p('a', { dependsOn: ['b'] }), p('b', { dependsOn: ['a'] })], null, '1.0.0')).toThrow(
    'Plugin dependencies form a cycle: a 1.4.2 -> b 1.4.2 -> a 1.4.2',
  );
});

test('GONGZHI_PLUGINS selects plugins and rejects unknown names', () => {
  expect(resolvePlugins([p('a'), p('b')], ['b'], '1.0.0').map((x) => x.name)).toEqual(['b']);
  expect(() => resolvePlugins([p('a')], ['nope'], '1.0.0')).toThrow('GONGZHI_PLUGINS names "nope", which is not installed (installed: a)');
});

test('the gateway refuses to boot with an incompatible fixture, before touching any database', async () => {
  const config = loadConfig({}, { databaseUrl: 'postgres://nobody@127.0.0.1:1/none', port: 0, seedDemo: false });
  const gw = new Gateway({ config, plugins: [fixtureWith({ compatibility: '>=9.0.0' })] });
  await expect(gw.start()).rejects.toThrow(/Plugin "fixture" 1\.0\.0 requires @gongzhi\/core >=9\.0\.0, but this core is 1\.\d+\.\d+/);
});
