import { defineEvent } from '@gongzhi/plugin-sdk';
import { PROGRAM } from './program';

export interface RoundPhaseChangedPayload {
  roundId: string;
  level: string;
  from: string;
  to: string;
  changedAt: string;
}

/** No voter in it: ballots are secret, the tally is public. */
export interface VoteCastPayload { roundId: string; applicationId: string }

/** This program's own events, payload schema 1.0.0. */
const own = { program: PROGRAM, version: '1.0.0' };

export const RoundPhaseChanged = defineEvent<RoundPhaseChangedPayload>('venture.round-phase-changed',
  { ...own, description: '创投轮次进入新阶段 / A venture-grants round moved to its next phase' });

export const VoteCast = defineEvent<VoteCastPayload>('venture.vote-cast',
  { ...own, description: '居民投票新增一票（不含投票人）/ A vote was cast in a public vote (never who cast it)' });

export const ventureEvents = [RoundPhaseChanged, VoteCast];
