import fs from 'node:fs';

export default async function teardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const db = g.__GONGZHI_EMBEDDED__ as { stop(): Promise<void> } | undefined;
  await db?.stop();
  const dir = g.__GONGZHI_EMBEDDED_DIR__ as string | undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
