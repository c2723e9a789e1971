/** Source of "now" for every rule of the program; tests replace it with `setDiningClock`. */
let nowFn: () => Date = () => new Date();

export function diningNow(): Date {
  return nowFn();
}

export function setDiningClock(fn: (() => Date) | null): void {
  nowFn = fn ?? (() => new Date());
}
