import { areaLevel, areaPrefix } from '../area.ts';

/**
 * The prefix of the area a worker serves: a station works a whole street (社工站 at the street),
 * so a worker placed in one of its communities or grids serves the street; a worker placed at a
 * street or higher serves that area.
 */
export function stationPrefix(workerArea: string): string {
  const level = areaLevel(workerArea);
  return level === 'community' || level === 'grid' ? workerArea.slice(0, 9) : areaPrefix(workerArea);
}
