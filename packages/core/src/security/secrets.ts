import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config';
import type { Logger } from '../util/logger';

/**
 * Secrets from configuration; in development, generated once and kept in the data
 * folder (with a warning) so tokens and encrypted data survive restarts.
 */
export function resolveSecrets(config: Config, log: Logger): { jwtSecret: string; dataKey: Buffer } {
  let jwtSecret = config.jwtSecret;
  let dataKey = config.dataKey;
  if (!jwtSecret || !dataKey) {
    const file = path.join(config.dataDir, 'dev-secrets.json');
    fs.mkdirSync(config.dataDir, { recursive: true });
    const stored = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    stored.jwtSecret ??= randomBytes(48).toString('base64url');
    stored.dataKey ??= randomBytes(32).toString('base64');
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    log.warn('using development secrets from the data folder; set GONGZHI_JWT_SECRET and GONGZHI_DATA_KEY in production', { file });
    jwtSecret ??= stored.jwtSecret as string;
    dataKey ??= stored.dataKey as string;
  }
  return { jwtSecret: jwtSecret!, dataKey: Buffer.from(dataKey!, 'base64') };
}
