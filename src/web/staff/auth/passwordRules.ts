/** Same minimum as the API's passwordSchema (src/common/schemas/common.ts): checked here to answer at once. */
export const PASSWORD_MIN_LENGTH = 10;

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
