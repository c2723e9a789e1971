import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Type, type Platform, type TransformContext } from '@mikro-orm/core';

/**
 * AES-256-GCM for sensitive columns (identity numbers, phones) and an HMAC for exact
 * lookup without decrypting. Keys derive from the configured data key.
 */
class FieldCrypto {
  private encKey: Buffer | null = null;
  private macKey: Buffer | null = null;

  configure(dataKey: Buffer): void {
    this.encKey = Buffer.from(hkdfSync('sha256', dataKey, 'gongzhi', 'field-encryption', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', dataKey, 'gongzhi', 'lookup-hash', 32));
  }

  private keys(): { enc: Buffer; mac: Buffer } {
    if (!this.encKey || !this.macKey) throw new Error('field encryption used before the data key was configured');
    return { enc: this.encKey, mac: this.macKey };
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.keys().enc, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext format');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const d = createDecipheriv('aes-256-gcm', this.keys().enc, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }

  /** Deterministic keyed hash: equal values match, the value cannot be recovered. */
  lookupHash(plain: string): string {
    return createHmac('sha256', this.keys().mac).update(plain).digest('base64url');
  }
}

export const fieldCrypto = new FieldCrypto();

/** MikroORM column type: plaintext in the entity, ciphertext in the database. */
export class EncryptedText extends Type<string | null, string | null> {
  override convertToDatabaseValue(value: string | null, _p: Platform, _c?: TransformContext): string | null {
    return value == null ? null : fieldCrypto.encrypt(value);
  }

  override convertToJSValue(value: string | null): string | null {
    return value == null ? null : fieldCrypto.decrypt(value);
  }

  override getColumnType(): string {
    return 'text';
  }

  override compareAsType(): string {
    return 'string';
  }
}
