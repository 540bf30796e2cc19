/** "1 rater", "3 raters"; `many` for plurals that do not just add an s ("lines or files"). */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;
