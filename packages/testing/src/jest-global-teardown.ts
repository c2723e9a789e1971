export default async function teardown(): Promise<void> {
  const db = (globalThis as Record<string, unknown>).__GONGZHI_EMBEDDED__ as { stop(): Promise<void> } | undefined;
  await db?.stop();
}
