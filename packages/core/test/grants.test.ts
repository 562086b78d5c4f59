// A district's account manager makes the station staff: the built-in station roles must stay
// grantable by the built-in official role whatever permissions later modules add to them.
import { describe, expect, it } from 'vitest';
import { BUILTIN_ROLES, canGrant, FRONTLINE_PERMISSIONS } from '../src/permissions.ts';

const role = (code: string) => BUILTIN_ROLES.find((r) => r.code === code)!.permissions;

describe('grants', () => {
  it('lets an official grant the station head, social worker and volunteer roles', () => {
    for (const code of ['station_head', 'social_worker', 'volunteer']) {
      const missing = role(code).filter((p) => !role('official').includes(p) && !FRONTLINE_PERMISSIONS.includes(p));
      expect(missing, code).toEqual([]);
      expect(canGrant(role('official'), role(code))).toBe(true);
    }
  });

  it('never lets an official grant the administrator role, nor a social worker grant anything', () => {
    expect(canGrant(role('official'), role('admin'))).toBe(false);
    expect(canGrant(role('social_worker'), role('social_worker'))).toBe(true); // only what it holds
    expect(canGrant(role('social_worker'), role('station_head'))).toBe(false);
  });
});
