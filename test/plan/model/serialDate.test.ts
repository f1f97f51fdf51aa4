import fc from "fast-check";
import { isoFromSerial, longDate, MAX_SERIAL, monthEnd, monthStart, serialFromIso, serialFromYmd, todaySerial, ymdFromSerial } from "../../../src/plan/model/serialDate";
import { textDate } from "../../../src/plan/model/textDate";

describe("Excel serial dates", () => {
  test.each([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60],
    [1900, 3, 1, 61],
    [1970, 1, 1, 25569],
    [2026, 3, 5, 46086],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is serial %i both ways", (y, m, d, serial) => {
    expect(serialFromYmd(y, m, d)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual({ y, m, d });
  });

  test("impossible and out-of-range dates are not serials", () => {
    expect(serialFromYmd(2026, 2, 29)).toBeNull();
    expect(serialFromYmd(2026, 2, 31)).toBeNull();
    expect(serialFromYmd(2026, 13, 1)).toBeNull();
    expect(serialFromYmd(1899, 12, 31)).toBeNull();
    expect(serialFromYmd(10000, 1, 1)).toBeNull();
    expect(serialFromYmd(2024, 2, 29)).toBe(45351);
    expect(serialFromYmd(2100, 2, 29)).toBeNull();
    expect(ymdFromSerial(0)).toBeNull();
    expect(ymdFromSerial(MAX_SERIAL + 1)).toBeNull();
    expect(ymdFromSerial(Number.NaN)).toBeNull();
  });

  test("a time of day is dropped", () => {
    expect(ymdFromSerial(46086.75)).toEqual({ y: 2026, m: 3, d: 5 });
  });

  test("ISO text both ways", () => {
    expect(serialFromIso("2026-03-05")).toBe(46086);
    expect(serialFromIso(" 2026-03-05 ")).toBe(46086);
    expect(serialFromIso("2026-3-5")).toBeNull();
    expect(serialFromIso("2026-02-30")).toBeNull();
    expect(isoFromSerial(46086)).toBe("2026-03-05");
    expect(isoFromSerial(60)).toBe("1900-02-29");
    expect(isoFromSerial(-3)).toBe("");
  });

  test("today is the local calendar date", () => {
    expect(todaySerial(new Date(2026, 2, 5, 23, 59))).toBe(46086);
    expect(todaySerial(new Date(2026, 2, 5, 0, 0))).toBe(46086);
  });

  test("month bounds and long dates", () => {
    expect(isoFromSerial(monthStart(46086)!)).toBe("2026-03-01");
    expect(isoFromSerial(monthEnd(serialFromIso("2024-02-10")!)!)).toBe("2024-02-29");
    expect(longDate(46086)).toBe("5 March 2026");
  });

  test("every date from 1900-03-01 to 9999-12-31 round-trips through y-m-d, ISO and text", () => {
    let previous: { y: number; m: number; d: number } = { y: 1900, m: 2, d: 29 };
    for (let s = 61; s <= MAX_SERIAL; s++) {
      const ymd = ymdFromSerial(s)!;
      // Consecutive serials are consecutive calendar days.
      const next = ymd.d === previous.d + 1 && ymd.m === previous.m && ymd.y === previous.y;
      const newMonth = ymd.d === 1 && (ymd.m === previous.m + 1 || (ymd.m === 1 && ymd.y === previous.y + 1));
      if (!(next || newMonth) || serialFromYmd(ymd.y, ymd.m, ymd.d) !== s) throw new Error(`serial ${s} does not round-trip`);
      previous = ymd;
    }
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_SERIAL }), (s) => serialFromIso(isoFromSerial(s)) === s && textDate(isoFromSerial(s)) === s),
      { numRuns: 5000 },
    );
  });
});
