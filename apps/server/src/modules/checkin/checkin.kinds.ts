// The occasions a phone can check in to by QR code, registered by kind: activities now; group
// sessions, trainings and volunteer shifts register theirs the same way later. The check-in
// routes know nothing of any one kind: they ask the registry for the occasion's facts.
import type { Permission } from '@wushe/core';
import type { Db } from '@wushe/db';
import type { OccasionKind } from '../attendance/attendance.repo.ts';

export interface CheckinOccasion {
  title: string;
  place: string | null;
  startsAt: string;
  endsAt: string;
  areaCode: string;
  /** The worker the attendance counts for (outputs by worker). */
  workerId: string | null;
  /** The organiser's organisation: the only party a phone is told about. */
  orgName: string | null;
  /** A cancelled occasion takes no check-ins. */
  cancelled: boolean;
}

export interface CheckinKind {
  /** The attendance rows' occasion kind. */
  occasionKind: OccasionKind;
  /** What a worker needs (in the occasion's scope) to show its QR code. */
  writePermission: Permission;
  /** The occasion's facts; `scope` '' when the public route looks it up (as the owner). */
  load(db: Db, scope: string, id: string): Promise<CheckinOccasion | undefined>;
}

const kinds = new Map<string, CheckinKind>();

export function registerCheckinKind(name: string, kind: CheckinKind): void {
  kinds.set(name, kind);
}

export const checkinKind = (name: string): CheckinKind | undefined => kinds.get(name);
