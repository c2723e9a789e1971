// ESLint 9 flat config: recommended JS + TypeScript rules for every .ts file,
// and the plugin boundary (a plugin imports @gongzhi/plugin-sdk, never the
// core, another plugin, type-graphql or MikroORM directly).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));
const pluginsDir = path.join(root, 'plugins');

/** plugins/<dir> -> its package name (when it has a package.json). */
const pluginPackages = existsSync(pluginsDir)
  ? readdirSync(pluginsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(pluginsDir, d.name, 'package.json')))
      .map((d) => ({
        dir: d.name,
        name: JSON.parse(readFileSync(path.join(pluginsDir, d.name, 'package.json'), 'utf8')).name,
      }))
  : [];

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** no-restricted-imports options for plugin code; `ownName` is allowed in the plugin's tests. */
function pluginImportRules({ inTests = false, ownName } = {}) {
  const allowedPlugins = ['sdk', ...(ownName ? [ownName.replace(/^@gongzhi\/plugin-/, '')] : [])];
  const message = 'A plugin imports only @gongzhi/plugin-sdk (see docs: the plugin contract).';
  return [
    'error',
    {
      paths: [
        { name: '@gongzhi/core', message },
        { name: '@gongzhi/plugin-sdk/host', message: 'The SDK\'s host entry point is for the gateway only.' },
        { name: 'type-graphql', message: `${message} Its decorators are re-exported by the SDK.` },
        ...(inTests ? [] : [{ name: '@gongzhi/testing', message: 'Test helpers belong in the plugin test/ folder.' }]),
      ],
      patterns: [
        { group: ['@gongzhi/core/*'], message },
        {
          regex: `^@gongzhi/plugin-(?!(?:${allowedPlugins.map(escapeRegex).join('|')})(?:/|$))`,
          message: 'Plugins talk to each other through typed events, never by importing each other.',
        },
        { group: ['@mikro-orm/*'], message: `${message} Its ORM API is re-exported by the SDK.` },
        {
          group: ['**/packages/**', '**/plugins/**'],
          message: 'A relative import must not leave the plugin folder.',
        },
      ],
    },
  ];
}

/**
 * Catches relative imports (import, export from, import(), require) that
 * resolve outside plugins/<own>/ however many `../` they take.
 */
const boundaryPlugin = {
  rules: {
    'plugin-relative-imports': {
      meta: {
        type: 'problem',
        docs: { description: 'relative imports in a plugin stay inside that plugin' },
        messages: {
          outside: 'Relative import "{{source}}" leaves plugins/{{plugin}}/; plugins share only the SDK and events.',
        },
        schema: [],
      },
      create(context) {
        const file = context.filename ?? context.getFilename();
        const rel = path.relative(pluginsDir, file);
        if (rel.startsWith('..') || path.isAbsolute(rel)) return {};
        const plugin = rel.split(path.sep)[0];
        const pluginRoot = path.join(pluginsDir, plugin);
        const check = (node) => {
          if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
          const source = node.value;
          if (!source.startsWith('.')) return;
          const target = path.resolve(path.dirname(file), source);
          const inside = path.relative(pluginRoot, target);
          if (inside.startsWith('..') || path.isAbsolute(inside)) {
            context.report({ node, messageId: 'outside', data: { source, plugin } });
          }
        };
        return {
          ImportDeclaration: (n) => check(n.source),
          ExportAllDeclaration: (n) => check(n.source),
          ExportNamedDeclaration: (n) => check(n.source),
          ImportExpression: (n) => check(n.source),
          TSExternalModuleReference: (n) => check(n.expression),
          CallExpression: (n) => {
            if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n.arguments[0]);
          },
        };
      },
    },
  },
};

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.data/**',
      '**/graphiql-assets/**',
      'schema/**',
      'docker/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // type-graphql and MikroORM: a class and an interface of the same name
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      // type-graphql (`resolvers: Function[]`, ClassType) and MikroORM entity lists take constructors as `Function`
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tests read untyped GraphQL JSON responses.
    files: ['**/*.test.ts', '**/test/**/*.ts', 'tests/**/*.ts', 'packages/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // The plugin boundary.
  {
    files: ['plugins/**/*.ts'],
    plugins: { gongzhi: boundaryPlugin },
    rules: {
      'no-restricted-imports': pluginImportRules(),
      'gongzhi/plugin-relative-imports': 'error',
    },
  },
  {
    files: ['plugins/*/test/**/*.ts'],
    rules: { 'no-restricted-imports': pluginImportRules({ inTests: true }) },
  },
  // A plugin's own tests may import the plugin by its package name.
  ...pluginPackages.map(({ dir, name }) => ({
    files: [`plugins/${dir}/test/**/*.ts`],
    rules: { 'no-restricted-imports': pluginImportRules({ inTests: true, ownName: name }) },
  })),
);
