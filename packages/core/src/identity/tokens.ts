import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { Config } from '../config/config';

export interface AccessClaims {
  accountId: string;
  /** Refresh-token family (the session); revoking it revokes its access tokens too. */
  sessionId: string | null;
  expiresAt: Date;
}

const ISSUER = 'gongzhi';
const AUDIENCE = 'gongzhi-graph';

/** Short-lived HS256 access tokens, opaque rotating refresh tokens, optional external issuer. */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(secret: string, private readonly config: Config) {
    this.key = new TextEncoder().encode(secret);
    this.jwks = config.oidc ? createRemoteJWKSet(new URL(config.oidc.jwksUrl), { cooldownDuration: 30_000 }) : null;
  }

  async issueAccess(accountId: string, sessionId: string | null, ttlSeconds = this.config.accessTokenTtlSeconds): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const token = await new SignJWT({ sid: sessionId ?? undefined })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(accountId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Own tokens, or (when configured) a district identity provider's: null when invalid or expired. */
  async verify(token: string): Promise<{ kind: 'own'; claims: AccessClaims } | { kind: 'external'; subject: string; expiresAt: Date } | null> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return null;
    }
    try {
      if (alg === 'HS256') {
        const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        return { kind: 'own', claims: { accountId: payload.sub!, sessionId: (payload.sid as string) ?? null, expiresAt: expiry(payload) } };
      }
      if (this.jwks && this.config.oidc) {
        const { payload } = await jwtVerify(token, this.jwks, {
          issuer: this.config.oidc.issuer,
          audience: this.config.oidc.audience ?? undefined,
          algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
        });
        if (!payload.sub) return null;
        return { kind: 'external', subject: `${this.config.oidc.issuer}|${payload.sub}`, expiresAt: expiry(payload) };
      }
    } catch {
      return null;
    }
    return null;
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefresh(token) };
  }
}

export const hashRefresh = (token: string): string => createHash('sha256').update(token).digest('base64url');

const expiry = (p: JWTPayload) => new Date((p.exp ?? 0) * 1000);
