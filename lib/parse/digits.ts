// Cells run together by text extraction ("713000074" = 71|3|0|0|0|0|74): the readings that fit.

/**
 * Every way to cut a digit string into n numbers without leading zeros, at most `limit`.
 * With rowSum, only readings whose first n-1 numbers add up to the last.
 */
export function digitReadings(digits: string, n: number, rowSum: boolean, limit = 2): number[][] {
  const out: number[][] = [];
  if (!/^\d+$/.test(digits) || digits.length < n || digits.length > 40) return out;
  const parts: number[] = [];
  const go = (pos: number): void => {
    if (out.length >= limit) return;
    if (parts.length === n - 1) {
      const last = digits.slice(pos);
      if (!last || (last.length > 1 && last[0] === '0')) return;
      const v = Number(last);
      if (rowSum && parts.reduce((a, b) => a + b, 0) !== v) return;
      out.push([...parts, v]);
      return;
    }
    const remainingParts = n - parts.length;
    const maxLen = digits.length - pos - (remainingParts - 1);
    for (let len = 1; len <= maxLen; len++) {
      const piece = digits.slice(pos, pos + len);
      if (piece.length > 1 && piece[0] === '0') break;
      parts.push(Number(piece));
      go(pos + len);
      parts.pop();
      if (out.length >= limit) return;
    }
  };
  go(0);
  return out;
}
