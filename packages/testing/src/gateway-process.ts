import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

export interface GatewayProcess {
  proc: ChildProcess;
  url: string;
  wsUrl: string;
  output: () => string;
  /** Ms from spawn to the ready line. */
  ms: number;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export const exited = (p: ChildProcess) =>
  new Promise<number | null>((r) => (p.exitCode !== null || p.signalCode ? r(p.exitCode) : p.once('exit', (c) => r(c))));

/**
 * `pnpm start` as a real process: the environment of this one plus `env` (a value of
 * `undefined` removes the variable); resolves at the ready line.
 */
export function startGatewayProcess(env: Record<string, string | undefined>, nodeArgs: string[] = []): Promise<GatewayProcess> {
  const t0 = Date.now();
  const merged: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const proc = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', 'packages/core/src/main.ts'], { cwd: repoRoot, env: merged });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 90 s:\n${out}`)), 90_000);
    proc.stdout!.on('data', () => {
      const m = out.match(/ready: (http:\/\/[\d.:]+)\/graphql/);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        proc, url: m[1], wsUrl: `${m[1].replace('http', 'ws')}/graphql`, output: () => out, ms: Date.now() - t0,
        stop: async (signal = 'SIGTERM') => {
          if (proc.exitCode === null && !proc.signalCode) proc.kill(signal);
          return exited(proc);
        },
      });
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${out}`));
    });
  });
}
