// Person-times (人次) against counts worked out by hand.
import { describe, expect, it } from 'vitest';
import { distinctPeople, heldOccasions, meanSatisfaction, personKey, personTimes, type AttendanceMark } from '../src/casework/outputs.ts';

const mark = (occasion: string, person: string, attended = true): AttendanceMark => ({ occasion, person, attended });

describe('person-times', () => {
  it('counts a person once per occasion, however often marked, and not when absent', () => {
    // Session s1: A, B, A again (scanned twice), C absent. Session s2: A, D. Activity a1: B, a walk-in.
    const marks = [
      mark('s1', 'r:A'),
      mark('s1', 'r:B'),
      mark('s1', 'r:A'),
      mark('s1', 'r:C', false),
      mark('s2', 'r:A'),
      mark('s2', 'r:D'),
      mark('a1', 'r:B'),
      mark('a1', 'n:王阿姨'),
    ];
    expect(personTimes(marks)).toBe(6); // s1: A, B; s2: A, D; a1: B, 王阿姨
    expect(distinctPeople(marks)).toBe(4); // A, B, D, 王阿姨; not C, who was absent
    expect(heldOccasions(marks)).toBe(3);
  });

  it('is zero for nothing, and for a session where nobody came', () => {
    expect(personTimes([])).toBe(0);
    expect(distinctPeople([])).toBe(0);
    expect(personTimes([mark('s1', 'r:A', false)])).toBe(0);
    expect(heldOccasions([mark('s1', 'r:A', false)])).toBe(0);
  });

  it('keys registered residents by id and others by their name without spaces', () => {
    expect(personKey({ residentId: 'x', name: '张三' })).toBe('r:x');
    expect(personKey({ name: ' 王 阿姨 ' })).toBe('n:王阿姨');
    expect(personKey({ mobileHash: 'h1', name: '张三' })).toBe('m:h1');
    expect(personKey({ residentId: 'x', mobileHash: 'h1' })).toBe('r:x');
    expect(personKey({ name: '  ' })).toBeNull();
    expect(personKey({})).toBeNull();
  });

  it('averages satisfaction to one decimal, ignoring what is not a 1–5 score', () => {
    expect(meanSatisfaction([5, 4, 4])).toBe(4.3);
    expect(meanSatisfaction([5, 0, 6, 3.5, 4])).toBe(4.5);
    expect(meanSatisfaction([])).toBeNull();
  });
});
