import { checkSchemaFiles } from '@gongzhi/core/src/schema/schema-files';
import { assemble, pluginSdl, schemaWith, sdlOf } from '@gongzhi/core/src/schema/plugin-sdl';
import { compareSchemas, versionProblem } from '@gongzhi/core/src/schema/breaking';
import fixture from '@gongzhi/fixture-plugin';

test('schema/ is regenerated and every plugin SDL change is versioned', async () => {
  expect(await checkSchemaFiles()).toEqual([]);
}, 60_000);

describe('published SDL of a plugin', () => {
  let core: string;
  let fixtureSdl: string;
  beforeAll(async () => {
    const base = await schemaWith([]);
    core = sdlOf(base);
    fixtureSdl = pluginSdl(base, await schemaWith([fixture]));
  });

  test('holds its own types and extensions of core types', () => {
    expect(fixtureSdl).toContain('type FixtureNote implements Node');
    expect(fixtureSdl).toMatch(/extend type Community \{\n[\s\S]*fixtureNotes: \[FixtureNote!\]!\n\}/);
    expect(fixtureSdl).toMatch(/extend type Mutation \{[\s\S]*fixtureAddNote\(/);
    expect(fixtureSdl).not.toContain('type District');
  });

  test('a removed field is breaking: refused until the major version goes up', async () => {
    const removed = fixtureSdl.replace(/\n\s*text: String!/, '');
    const report = await compareSchemas(assemble(core, fixtureSdl), assemble(core, removed));
    expect(report.breaking.join()).toContain("Field 'text' was removed from object type 'FixtureNote'");
    expect(versionProblem('fixture', '1.0.0', '1.1.0', report)).toMatch(/breaking change to SDL published in 1\.0\.0 needs a major version bump \(now 1\.1\.0\)/);
    expect(versionProblem('fixture', '1.0.0', '2.0.0', report)).toBeNull();
  });

  test('an added field is safe, but still needs a new version number', async () => {
    const added = fixtureSdl.replace('text: String!', 'text: String!\n  colour: String');
    const report = await compareSchemas(assemble(core, fixtureSdl), assemble(core, added));
    expect(report.breaking).toEqual([]);
    expect(report.safe.join()).toContain('colour');
    expect(versionProblem('fixture', '1.0.0', '1.0.0', report)).toMatch(/bump the version/);
    expect(versionProblem('fixture', '1.0.0', '1.1.0', report)).toBeNull();
  });
});
