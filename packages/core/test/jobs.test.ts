// The rules of jobs, against hand-worked cases: the post's status, the application's stages
// (one step along the pipeline, declined from any open stage, withdrawn by the candidate only),
// the certificate match and the salary text.
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STAGES,
  canMoveApplication,
  canMoveFair,
  canMoveJob,
  meetsLevel,
  nextApplicationStage,
  salaryText,
} from '../src/index.ts';

describe('jobs rules', () => {
  it('moves a post draft → open → closed and never back', () => {
    expect(canMoveJob('draft', 'open')).toBe(true);
    expect(canMoveJob('open', 'closed')).toBe(true);
    expect(canMoveJob('draft', 'closed')).toBe(true);
    expect(canMoveJob('open', 'draft')).toBe(false);
    expect(canMoveJob('closed', 'open')).toBe(false);
    expect(canMoveFair('draft', 'published')).toBe(true);
    expect(canMoveFair('published', 'draft')).toBe(false);
    expect(canMoveFair('ended', 'published')).toBe(false);
  });

  it('lets the employer take exactly the legal steps', () => {
    const legal = APPLICATION_STAGES.flatMap((from) =>
      APPLICATION_STAGES.filter((to) => canMoveApplication(from, to, 'employer')).map((to) => `${from}→${to}`),
    );
    expect(legal.sort()).toEqual(
      [
        'applied→screened',
        'applied→declined',
        'screened→interview',
        'screened→declined',
        'interview→offer',
        'interview→declined',
        'offer→hired',
        'offer→declined',
      ].sort(),
    );
    const byCandidate = APPLICATION_STAGES.flatMap((from) =>
      APPLICATION_STAGES.filter((to) => canMoveApplication(from, to, 'candidate')).map((to) => `${from}→${to}`),
    );
    expect(byCandidate).toEqual(['applied→withdrawn', 'screened→withdrawn', 'interview→withdrawn', 'offer→withdrawn']);
    expect(nextApplicationStage('offer')).toBe('hired');
    expect(nextApplicationStage('hired')).toBeNull();
    expect(nextApplicationStage('declined')).toBeNull();
  });

  it('matches certificate levels lowest first', () => {
    expect(meetsLevel('intermediate', 'assistant')).toBe(true);
    expect(meetsLevel('assistant', 'intermediate')).toBe(false);
    expect(meetsLevel('none', null)).toBe(true);
    expect(meetsLevel('none', 'assistant')).toBe(false);
    expect(meetsLevel('senior', 'senior')).toBe(true);
  });

  it('writes salaries kept in fen as yuan per month', () => {
    expect(salaryText(450_000, 600_000)).toBe('4,500–6,000 元/月');
    expect(salaryText(500_000, 500_000)).toBe('5,000 元/月');
    expect(salaryText(null, null)).toBe('面议');
    expect(salaryText(null, null, 'en')).toBe('Negotiable');
    expect(salaryText(420_000, null)).toBe('4,200 元/月起');
    expect(salaryText(null, 800_050, 'en')).toBe('Up to 8,001 yuan/month');
  });
});
