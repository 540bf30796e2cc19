/** The labels of the 0-4 scale shared by every analogy; each analogy's own descriptors say what a level means for it. */
export const SCALE = [
  { level: 0, label: 'Does not fit' },
  { level: 1, label: 'Faint' },
  { level: 2, label: 'Partial' },
  { level: 3, label: 'Strong' },
  { level: 4, label: 'Full' },
] as const;

export const scaleLabel = (level: number): string => SCALE[level]?.label ?? 'Unscored';
