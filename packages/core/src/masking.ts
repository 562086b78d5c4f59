// 脱敏 conventions (domain brief §12).
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
  '长孙',
  '宇文',
  '司徒',
  '端木',
];

export function maskName(name: string): string {
  const chars = [...name];
  const keep = COMPOUND_SURNAMES.some((s) => name.startsWith(s)) && chars.length > 2 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(chars.length - keep, 1));
}
