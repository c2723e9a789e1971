import { ConflictError, EntityManager, badInput } from '@gongzhi/plugin-sdk';
import type { PointsTransfer } from '../entities/transfer.entity';
import { findTransferByKey } from './ledger.service';

export interface IdempotentRun<T> {
  districtId: string;
  key: string;
  fingerprint: string;
  /** The movement, in a fresh transaction; must post exactly one transfer with `key`. */
  run(tx: EntityManager): Promise<T>;
  /** Rebuilds the first response from the transfer recorded under `key`. */
  replay(transfer: PointsTransfer): Promise<T>;
  /** The transfer already recorded under `key`, when the caller read it already (null: none). */
  known?: PointsTransfer | null;
}

export function checkKey(key: string, field = 'input.idempotencyKey'): void {
  if (typeof key !== 'string' || key.trim().length === 0 || key.length > 200) {
    throw badInput(field, 'must be 1 to 200 characters');
  }
}

/**
 * Same key and parameters → the first result; same key, other parameters → CONFLICT.
 * A concurrent twin of the same request loses the unique key (or its balance race)
 * and, finding the winner's transfer, answers with the same result.
 */
export async function idempotent<T>(em: EntityManager, op: IdempotentRun<T>): Promise<T> {
  const answer = (t: PointsTransfer) => {
    if (t.fingerprint !== op.fingerprint) {
      throw new ConflictError('幂等键已用于不同的请求 / Idempotency key already used with different parameters', {
        idempotencyKey: op.key,
      });
    }
    return op.replay(t);
  };
  const first = op.known !== undefined ? op.known : await findTransferByKey(em, op.districtId, op.key);
  if (first) return answer(first);
  try {
    return await em.transactional((tx) => op.run(tx));
  } catch (e) {
    const winner = await findTransferByKey(em, op.districtId, op.key);
    if (winner) return answer(winner);
    throw e;
  }
}
