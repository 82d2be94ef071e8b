import { fitsLines, type WidthOf } from './line-layout.ts';
import type { ReadabilityProfile } from './profiles.ts';
import type { TokenTiming } from './timing.ts';
import type { Token } from './tokens.ts';

/** What choosing cuts in one cue needs to know. */
export interface CutInput {
  readonly tokens: readonly Token[];
  readonly width: WidthOf;
  readonly timing: TokenTiming;
  /** Where the cue ends: the last subtitle may stay up until then. */
  readonly cueEnd: number;
  readonly profile: ReadabilityProfile;
}

// Costs, in one currency. Cut points rank sentence end < pause < clause punctuation < any word
// boundary; every subtitle costs PIECE so no cut is made without a reason; the rest are penalties
// for subtitles that are unbalanced, too long, flash by, or ask for fast reading.
const CUT_COST = { sentence: 0, clause: 4, word: 15 } as const;
const PAUSE_COSTS = [
  { seconds: 0.8, cost: 1 },
  { seconds: 0.4, cost: 2 },
  { seconds: 0.2, cost: 3 },
] as const;
const LEANING_CUT_COST = 3;
const INSIDE_WORD_COST = 8;
const PIECE_COST = 5;
const SLACK_WEIGHT = 6;
// Soft, not forbidden: a cue of two slow words is better left long than cut into two long ones.
const TOO_LONG_COST = 100;
const TOO_SHORT_WEIGHT = 20;
const TOO_FAST_WEIGHT = 5;
const EPSILON = 1e-9;

/**
 * Where each subtitle of the cue starts (token indexes, the first is 0): the cheapest set of cuts
 * by dynamic programming, where every subtitle of more than one token fits the profile's lines.
 * A subtitle can only hold as many tokens as fit its lines, so this is linear in the tokens.
 */
export function chooseCuts(input: CutInput): number[] {
  const n = input.tokens.length;
  const cutCosts = cutCostsOf(input);
  const best = new Array<number>(n + 1).fill(Infinity);
  const pieceStart = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  // The first token a subtitle ending before `to` can start with; it never moves back as `to`
  // grows, so finding it costs one pass.
  let earliest = 0;
  for (let to = 1; to <= n; to++) {
    while (earliest < to - 1 && !fitsLines(input.width, earliest, to, input.profile)) earliest++;
    for (let from = to - 1; from >= earliest; from--) {
      const candidate = (best[from] ?? Infinity) + pieceCost(input, from, to) + (from > 0 ? (cutCosts[from] ?? 0) : 0);
      if (candidate < (best[to] ?? Infinity)) {
        best[to] = candidate;
        pieceStart[to] = from;
      }
    }
  }
  const starts: number[] = [];
  for (let to = n; to > 0; to = pieceStart[to] ?? 0) starts.push(pieceStart[to] ?? 0);
  return starts.reverse();
}

/** The cost of cutting before each token (index 0 unused). */
function cutCostsOf({ tokens, timing }: CutInput): number[] {
  const costs = new Array<number>(tokens.length).fill(0);
  const wordStarts = timing.words ? new Set(timing.words.map((word) => word.offset)) : undefined;
  for (let index = 1; index < tokens.length; index++) {
    const before = tokens[index - 1];
    const token = tokens[index];
    if (!before || !token) continue;
    let cost: number = CUT_COST[before.boundary];
    // Only word times give real pauses; shared-out times leave a gap at every space.
    if (timing.words) {
      const pause = (timing.starts[index] ?? 0) - (timing.ends[index - 1] ?? 0);
      const pauseCost = PAUSE_COSTS.find((step) => pause >= step.seconds)?.cost ?? Infinity;
      cost = Math.min(cost, pauseCost);
      if (!wordStarts?.has(token.offset)) cost += INSIDE_WORD_COST;
    }
    costs[index] = cost + (before.leansForward ? LEANING_CUT_COST : 0);
  }
  return costs;
}

/** The cost of one subtitle holding tokens [from, to). */
function pieceCost({ tokens, width, timing, cueEnd, profile }: CutInput, from: number, to: number): number {
  const start = timing.starts[from] ?? 0;
  const spoken = (timing.ends[to - 1] ?? start) - start;
  // It can stay up until the next subtitle starts, so that is the time it has to be read.
  const available = (to < tokens.length ? (timing.starts[to] ?? cueEnd) : cueEnd) - start;
  const pieceWidth = width(from, to);
  const fill = Math.min(1, pieceWidth / (profile.maxCharsPerLine * profile.maxLines));
  let cost = PIECE_COST + SLACK_WEIGHT * (1 - fill) * (1 - fill);
  if (spoken > profile.maxSeconds + EPSILON) cost += TOO_LONG_COST;
  if (available < profile.minSeconds) cost += TOO_SHORT_WEIGHT * (1 - Math.max(0, available) / profile.minSeconds);
  const speed = pieceWidth / Math.max(available, EPSILON);
  if (speed > profile.maxCharsPerSecond) cost += TOO_FAST_WEIGHT * Math.min(1, speed / profile.maxCharsPerSecond - 1);
  return cost;
}
