import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { Type, type EntityManager, type MikroORM, type Platform } from '@mikro-orm/core';

const EXTENSION = '@gongzhi/field-crypto';

/**
 * AES-256-GCM for sensitive columns (identity numbers, phones) and an HMAC for exact
 * lookup without decrypting. Keys derive from the gateway's data key; one instance per
 * gateway, installed on its ORM (two gateways with different keys share nothing).
 *
 * The IV is synthetic (an HMAC of the plaintext): the same value always encrypts to the
 * same ciphertext, so the ORM's change detection sees an unchanged value as unchanged and
 * a read never writes. It reveals only equality of values, which the lookup hash already does.
 */
export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly ivKey: Buffer;
  private readonly macKey: Buffer;

  constructor(dataKey: Buffer) {
    this.encKey = Buffer.from(hkdfSync('sha256', dataKey, 'gongzhi', 'field-encryption', 32));
    this.ivKey = Buffer.from(hkdfSync('sha256', dataKey, 'gongzhi', 'field-encryption-iv', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', dataKey, 'gongzhi', 'lookup-hash', 32));
  }

  /** The instance installed on the ORM a platform or EntityManager belongs to. */
  static of(source: Platform | EntityManager): FieldCrypto {
    const config = 'getPlatform' in source ? source.getPlatform().getConfig() : source.getConfig();
    const crypto = config.getExtension<FieldCrypto>(EXTENSION);
    if (!crypto) throw new Error('field encryption used before the gateway installed its data key');
    return crypto;
  }

  install(orm: MikroORM): void {
    orm.config.registerExtension(EXTENSION, () => this);
  }

  encrypt(plain: string): string {
    const iv = createHmac('sha256', this.ivKey).update(plain, 'utf8').digest().subarray(0, 12);
    const c = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v2:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
  }

  /** `v1:` (random IV, written before 1.1) and `v2:` (synthetic IV) share one layout. */
  decrypt(stored: string): string {
    if (!/^v[12]:/.test(stored)) throw new Error('unknown ciphertext format');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const d = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }

  /** Deterministic keyed hash: equal values match, the value cannot be recovered. */
  lookupHash(plain: string): string {
    return createHmac('sha256', this.macKey).update(plain).digest('base64url');
  }
}

/** Keyed hash of a value under the gateway's data key, for exact lookup and uniqueness without decrypting. */
export function lookupHash(em: EntityManager, plain: string): string {
  return FieldCrypto.of(em).lookupHash(plain);
}

/** MikroORM column type for personal or confidential text: plaintext in the entity, ciphertext in the database. */
export class EncryptedText extends Type<string | null, string | null> {
  override convertToDatabaseValue(value: string | null, platform: Platform): string | null {
    return value == null ? null : FieldCrypto.of(platform).encrypt(value);
  }

  override convertToJSValue(value: string | null, platform: Platform): string | null {
    return value == null ? null : FieldCrypto.of(platform).decrypt(value);
  }

  override getColumnType(): string {
    return 'text';
  }

  override compareAsType(): string {
    return 'string';
  }
}
