import { Requires, defineRole, definePermissions, requireAt, type GongzhiContext, type PermissionDefinition } from '@gongzhi/plugin-sdk';

/**
 * Where a permission is expected only what `definePermissions` made compiles: `pnpm typecheck`
 * fails if one of the `@ts-expect-error` lines below stops being an error. The test itself
 * checks what the definitions carry at run time.
 */
const perms = definePermissions('typing', { 'thing:read': { zh: '读', en: 'Read' } });

export function wrongValuesDoNotCompile(ctx: GongzhiContext): void {
  // @ts-expect-error a key string is not a permission
  Requires('typing:thing:read');
  // @ts-expect-error a look-alike object is not one either
  Requires({ key: 'typing:thing:read', title: { zh: '读', en: 'Read' } });
  // @ts-expect-error a role is not a permission
  Requires(defineRole({ key: 'typing:reader', title: { zh: '读', en: 'Read' }, grantableAt: ['DISTRICT'], permissions: [perms['thing:read']] }));
  // @ts-expect-error ctx.auth takes the definition, not its key
  void ctx.auth.require(perms['thing:read'].key, { districtId: 'd' });
  // @ts-expect-error a role's permissions are definitions, so a misspelt key does not compile
  defineRole({ key: 'typing:reader', title: { zh: '读', en: 'Read' }, grantableAt: ['DISTRICT'], permissions: ['typing:thing:raed'] });
  // @ts-expect-error a permission name the table does not have
  void requireAt(ctx, perms['thing:raed'], { districtId: 'd' });
  Requires(perms['thing:read']);
}

test('a definition carries its key and the rule the host reads is that key', () => {
  const p: PermissionDefinition = perms['thing:read'];
  expect(p.key).toBe('typing:thing:read');
  const role = defineRole({ key: 'typing:reader', title: { zh: '读', en: 'Read' }, grantableAt: ['DISTRICT'], permissions: [p] });
  expect(role.permissions).toEqual(['typing:thing:read']);
});
