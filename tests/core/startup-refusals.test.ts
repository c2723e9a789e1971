import {
  Community, FieldResolver, Migration, Requires, Resolver, definePermissions, defineRole, type RoleDefinition,
} from '@gongzhi/plugin-sdk';
import { PluginHostError, resolvePlugins } from '@gongzhi/core';
import { startupRefusal, testPlugin } from '@gongzhi/testing';
import { schemaWith } from '@gongzhi/core/src/schema/plugin-sdl';

/** Small plugins built here, each with one mistake the host must refuse at start. */

const perm = (name: string, roles?: string[]) =>
  Object.values(definePermissions(name, { 'thing:read': { zh: '读', en: 'Read', ...(roles ? { roles } : {}) } }));
const thingRead = (name: string) => perm(name)[0];

@Resolver(() => Community)
class NotesA {
  @Requires(thingRead('a')) @FieldResolver(() => String) notes(): string { return 'a'; }
}
@Resolver(() => Community)
class NotesB {
  @Requires(thingRead('b')) @FieldResolver(() => String) notes(): string { return 'b'; }
}
@Resolver(() => Community)
class CommunityName {
  @Requires(thingRead('c')) @FieldResolver(() => String) name(): string { return 'c'; }
}

test('two plugins adding the same field to a core type: refused, naming both', async () => {
  await expect(schemaWith([testPlugin('a', { resolvers: [NotesA] }), testPlugin('b', { resolvers: [NotesB] })]))
    .rejects.toThrow(new PluginHostError('Plugins "a" and "b" both add the field Community.notes'));
  // each alone is fine
  expect((await schemaWith([testPlugin('a', { resolvers: [NotesA] })])).getType('Community')).toBeDefined();
});

test('a plugin adding a field the core type already has: refused', async () => {
  await expect(schemaWith([testPlugin('c', { resolvers: [CommunityName] })]))
    .rejects.toThrow(new PluginHostError('Plugin "c" adds the field Community.name, which the core already has'));
});

test('a misspelt role name in a permission: refused, naming the plugin, the permission and the name', () => {
  expect(startupRefusal([testPlugin('a', { permissions: perm('a', ['COMUNITY_WORKER']) })])).toBe(
    'Plugin "a" grants permission "a:thing:read" to role "COMUNITY_WORKER", which neither the core nor a loaded plugin declares',
  );
  // a role of another loaded plugin is fine
  const roles = [defineRole({ key: 'a:helper', title: { zh: '助手', en: 'Helper' }, grantableAt: ['COMMUNITY'], permissions: [thingRead('a')] })];
  expect(() => resolvePlugins([testPlugin('a', { permissions: perm('a'), roles }), testPlugin('b', { permissions: perm('b', ['a:helper']) })], null, '1.0.0')).not.toThrow();
});

test('a role holding a permission nobody declares: refused', () => {
  // a manifest not built with defineRole (plain JavaScript) can still name a key that does not exist
  const roles: RoleDefinition[] = [{ key: 'a:helper', title: { zh: '助手', en: 'Helper' }, grantableAt: ['COMMUNITY'], permissions: ['a:thing:raed'] }];
  expect(startupRefusal([testPlugin('a', { permissions: perm('a'), roles })])).toBe(
    'Plugin "a" role "a:helper" holds permission "a:thing:raed", which neither the core nor a loaded plugin declares',
  );
});

test('duplicate permission keys and roles, or keys outside the plugin\'s prefix: refused', () => {
  expect(startupRefusal([testPlugin('a', { permissions: [...perm('a'), ...perm('a')] })])).toBe('Permission "a:thing:read" is declared twice: by "a" and by "a"');
  expect(startupRefusal([testPlugin('b', { permissions: perm('a') })])).toBe('Plugin "b" declares permission "a:thing:read"; its keys start with "b:"');
  const role = defineRole({ key: 'RESIDENT', title: { zh: '居民', en: 'Resident' }, grantableAt: ['COMMUNITY'], permissions: [] });
  expect(startupRefusal([testPlugin('a', { roles: [role] })])).toBe('Role "RESIDENT" is declared twice: by "core" and by "a"');
});

test('migrations are tracked under their class names: a class without one, or listed twice, is refused', () => {
  class Migration20261202000000_things extends Migration { async up() { this.addSql('select 1'); } }
  const anonymous = class extends Migration { async up() { this.addSql('select 1'); } };
  expect(startupRefusal([testPlugin('a', { migrations: [Migration20261202000000_things, Migration20261202000000_things] })])).toBe(
    'Plugin "a" lists migration "Migration20261202000000_things" twice',
  );
  expect(startupRefusal([testPlugin('a', { migrations: [anonymous] })])).toBe('Plugin "a" has a migration class named "anonymous"; name it Migration<YYYYMMDDHHMMSS>_<what>');
});

test('HTTP routes: a path that is not a plain lower-case path, or one listed twice, is refused', () => {
  const route = (path: string) => ({ path, handle: async () => ({ contentType: 'text/plain', body: '' }) });
  for (const path of ['stats.csv', '/Stats.csv', '/../x', '/a?b', '/a/', '/']) {
    expect([path, startupRefusal([testPlugin('a', { routes: [route(path)] })])]).toEqual([path, `Plugin "a" has a route "${path}" that is repeated or not a path like /a-z0-9-_./`]);
  }
  expect(startupRefusal([testPlugin('a', { routes: [route('/x.csv'), route('/x.csv')] })])).toBe('Plugin "a" has a route "/x.csv" that is repeated or not a path like /a-z0-9-_./');
  expect(() => startupRefusal([testPlugin('a', { routes: [route('/reports/x.csv')] })])).toThrow('the host started');
});
