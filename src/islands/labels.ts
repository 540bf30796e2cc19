import { SCALE } from '../rubric/types';

/** Scale labels by level, for option text such as "3 - Strong". */
export const LEVEL_LABELS: readonly string[] = SCALE.map((s) => s.label);
