import { defineEvent, defineSubscriber } from '@gongzhi/plugin-sdk';
import { MealDelivered } from '@gongzhi/plugin-sdk/contracts';
import { resolvePlugins } from '@gongzhi/core';
import volunteerBank from '@gongzhi/plugin-volunteer-bank';
import elderlyDining from '@gongzhi/plugin-elderly-dining';
import { createTestGateway, startupRefusal, testPlugin, type TestGateway } from '@gongzhi/testing';

const noop = async () => undefined;
describe('event contracts at start-up', () => {
  test('both real plugins load: the subscriber and the emitter import the one SDK contract', () => {
    expect(resolvePlugins([volunteerBank, elderlyDining], null, '1.0.0').map((p) => p.name)).toEqual(['elderly-dining', 'volunteer-bank']);
    expect(elderlyDining.events).toContain(MealDelivered);
    expect(volunteerBank.subscribers?.map((s) => s.event)).toEqual([MealDelivered]);
  });

  test('a subscriber to an optional dependency that is not loaded is inactive, not refused', () => {
    expect(resolvePlugins([volunteerBank], null, '1.0.0').map((p) => p.name)).toEqual(['volunteer-bank']);
  });

  test('refused: subscribing to an event of a program that is neither loaded nor a dependency', () => {
    const listener = testPlugin('listener', { subscribers: [defineSubscriber('on-meal', MealDelivered, noop)] });
    expect(startupRefusal([listener])).toBe(
      'Plugin "listener" handler "on-meal" subscribes to "meal.delivered", which no loaded plugin declares '
      + '(it belongs to "elderly-dining", which is not loaded; list it in dependsOn or optionalDependsOn)',
    );
  });

  test('refused: the owning program is loaded but does not declare the event', () => {
    const dining = testPlugin('elderly-dining', { events: [] });
    const listener = testPlugin('listener', { optionalDependsOn: ['elderly-dining'], subscribers: [defineSubscriber('on-meal', MealDelivered, noop)] });
    expect(startupRefusal([dining, listener])).toContain('"elderly-dining" is loaded but does not declare it');
  });

  test('refused: the declared payload version is outside the range the subscriber accepts', () => {
    const v2 = defineEvent('meal.delivered', { program: 'elderly-dining', version: '2.0.0' });
    const dining = testPlugin('elderly-dining', { events: [v2] });
    expect(startupRefusal([dining, volunteerBank])).toBe(
      'Plugin "volunteer-bank" handler "credit-meal-delivery" accepts "meal.delivered" ^1.0.0, but "elderly-dining" declares version 2.0.0',
    );
    // a newer minor (added fields) is compatible
    const v11 = defineEvent('meal.delivered', { program: 'elderly-dining', version: '1.1.0' });
    expect(() => resolvePlugins([testPlugin('elderly-dining', { events: [v11] }), volunteerBank], null, '1.0.0')).not.toThrow();
    // a subscriber written for 1.2 refuses a declarer still at 1.1
    const needs12 = testPlugin('listener', { dependsOn: ['elderly-dining'], subscribers: [defineSubscriber('on-meal', MealDelivered, noop, { accepts: '^1.2.0' })] });
    expect(startupRefusal([testPlugin('elderly-dining', { events: [v11] }), needs12])).toContain('accepts "meal.delivered" ^1.2.0, but "elderly-dining" declares version 1.1.0');
  });

  test('refused: declaring an event of another program, or one name twice', () => {
    expect(startupRefusal([testPlugin('thief', { events: [MealDelivered] })])).toBe(
      'Plugin "thief" declares event "meal.delivered" of program "elderly-dining"; a plugin declares only its own events',
    );
    const a = testPlugin('a', { events: [defineEvent('x.happened', { program: 'a', version: '1.0.0' })] });
    const b = testPlugin('b', { events: [defineEvent('x.happened', { program: 'b', version: '1.0.0' })] });
    expect(startupRefusal([a, b])).toBe('Event "x.happened" is declared twice: by "a" and by "b"');
    const core = testPlugin('c', { events: [defineEvent('platform.program.changed', { program: 'c', version: '1.0.0' })] });
    expect(startupRefusal([core])).toBe('Event "platform.program.changed" is declared twice: by "core" and by "c"');
  });

  test('definitions need a semver payload version', () => {
    expect(() => defineEvent('x.y', { program: 'x', version: '1' })).toThrow('Event "x.y" has version "1"; use major.minor.patch');
  });
});

describe('events carry their payload version', () => {
  const Pinged = defineEvent<{ n: number }>('probe.pinged', { program: 'probe', version: '1.3.0' });
  const seen: string[] = [];
  const probe = testPlugin('probe', {
    events: [Pinged],
    subscribers: [defineSubscriber('count', Pinged, async (e) => { seen.push(`${e.version}:${e.payload.n}`); })],
  });
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await createTestGateway({ plugins: [probe] });
  });
  afterAll(() => gw?.close());

  test('emit writes the definition version; a handler never sees a version outside its range (parked, visible)', async () => {
    const tree = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 0 });
    await gw.enableProgram(tree.district.id, 'probe');
    const { emit } = await import('@gongzhi/plugin-sdk');
    const em = gw.em();
    emit(em, Pinged, { districtId: tree.district.id }, { n: 1 });
    await em.flush();
    // a row written by an older release of the program, under payload schema 0.9.0
    await gw.sql(`insert into outbox_event (name, program, version, district_id, payload) values ('probe.pinged', 'probe', '0.9.0', $1, '{"n":2}')`, [tree.district.id]);
    await gw.settleEvents();
    const rows = await gw.sql(`select e.version, h.status, h.last_error from outbox_event e join event_handling h on h.event_seq = e.seq
                               where e.name = 'probe.pinged' order by e.seq`);
    expect(rows).toEqual([
      { version: '1.3.0', status: 'DONE', last_error: null },
      { version: '0.9.0', status: 'PARKED', last_error: 'Error: payload version 0.9.0 of "probe.pinged" is outside ^1.3.0' },
    ]);
    expect(seen).toEqual(['1.3.0:1']);
  });
});
