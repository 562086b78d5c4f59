// Exact capacitated assignment for 一呼百应: needs (with slots) × volunteers (with capacity) over
// sparse feasible pairs with non-negative integer costs. Lexicographic objective: the most filled
// slots, then the least total cost; a pair is used at most once.
//
// Method: min-cost flow source → need (slots) → volunteer (one unit per pair) → sink (capacity),
// by successive shortest augmenting paths, one need slot at a time (Hungarian / Jonker–Volgenant
// style). Each search is Dijkstra with a binary heap on reduced costs c + π(u) − π(v) ≥ 0 (Johnson
// potentials) and stops when the first volunteer with spare capacity is settled: free volunteers
// keep π = 0, so that volunteer ends the shortest path. A slot may also go to an "unfilled" column
// of cost M, M above the cost of any whole assignment, so every slot is placed and minimising
// cost + M·unfilled is exactly the lexicographic objective. Only settled nodes' potentials move
// (by d − D; the rest implicitly by the constant D), so a search costs what it explores, not O(V).
// A slot whose cheapest reduced edge leads to a free volunteer is assigned without a heap: that is
// Dijkstra's first step, so the shortcut stays exact.
//
// Complexity: O(S · E log V) worst case for S slots, E pairs, V = needs + volunteers; in practice
// near O(E + S · k log k) where k is the few nodes a search explores before a free volunteer.
// Memory O(E + V).

/** Sparse feasible pairs as parallel arrays: pair i links need[i] to volunteer[i] at cost[i]. */
export interface MatchPairArrays {
  need: Int32Array;
  volunteer: Int32Array;
  cost: Int32Array;
}

export interface MatchProblem extends MatchPairArrays {
  /** Slots per need (non-negative integers). */
  needSlots: ArrayLike<number>;
  /** How many needs each volunteer may take (non-negative integers, usually 1). */
  volunteerCapacity: ArrayLike<number>;
}

export interface MatchResult {
  /** Indices of the chosen pairs, ascending. */
  chosen: Int32Array;
  filled: number;
  totalCost: number;
  /** Slots left empty, per need. */
  unfilled: Int32Array;
}

export interface MatchPair {
  need: number;
  volunteer: number;
  cost: number;
}

/** Convenience wrapper over `solveMatching` for pairs given as objects. */
export function solveMatchingPairs(needSlots: ArrayLike<number>, volunteerCapacity: ArrayLike<number>, pairs: MatchPair[]): MatchResult {
  return solveMatching({ needSlots, volunteerCapacity, ...matchPairArrays(pairs) });
}

export function matchPairArrays(pairs: MatchPair[]): MatchPairArrays {
  const need = new Int32Array(pairs.length);
  const volunteer = new Int32Array(pairs.length);
  const cost = new Int32Array(pairs.length);
  pairs.forEach((p, i) => {
    need[i] = p.need;
    volunteer[i] = p.volunteer;
    cost[i] = p.cost;
  });
  return { need, volunteer, cost };
}

function checkCount(x: number, what: string) {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${what} must be a non-negative integer, got ${x}`);
}

export function solveMatching(p: MatchProblem): MatchResult {
  const n = p.needSlots.length;
  const m = p.volunteerCapacity.length;
  const E = p.need.length;
  const { need, volunteer: vol, cost } = p;
  if (vol.length !== E || cost.length !== E) throw new RangeError('pair arrays differ in length');
  const slots = Int32Array.from(p.needSlots);
  const cap = Int32Array.from(p.volunteerCapacity);
  for (let i = 0; i < n; i++) checkCount(p.needSlots[i], `slots of need ${i}`);
  for (let j = 0; j < m; j++) checkCount(p.volunteerCapacity[j], `capacity of volunteer ${j}`);

  // Adjacency by need of the usable pairs; a repeated (need, volunteer) keeps its cheaper pair.
  const count = new Int32Array(n + 1);
  let maxCost = 0;
  for (let e = 0; e < E; e++) {
    const r = need[e];
    const j = vol[e];
    if (!(r >= 0 && r < n && j >= 0 && j < m)) throw new RangeError(`pair ${e} links need ${r} and volunteer ${j}: out of range`);
    if (cost[e] < 0) throw new RangeError(`pair ${e} has a negative cost`);
    if (slots[r] && cap[j]) count[r + 1]++;
    if (cost[e] > maxCost) maxCost = cost[e];
  }
  for (let r = 0; r < n; r++) count[r + 1] += count[r];
  const raw = new Int32Array(count[n]);
  const fillAt = count.slice(0, n);
  for (let e = 0; e < E; e++) if (slots[need[e]] && cap[vol[e]]) raw[fillAt[need[e]]++] = e;
  const rowStart = new Int32Array(n + 1);
  const rowEdge = new Int32Array(raw.length);
  const seenAt = new Int32Array(m).fill(-1);
  const degree = new Int32Array(m);
  let w = 0;
  for (let r = 0; r < n; r++) {
    rowStart[r] = w;
    for (let k = count[r]; k < count[r + 1]; k++) {
      const e = raw[k];
      const at = seenAt[vol[e]];
      if (at >= rowStart[r]) {
        if (cost[e] < cost[rowEdge[at]]) rowEdge[at] = e;
        continue;
      }
      seenAt[vol[e]] = w;
      rowEdge[w++] = e;
      degree[vol[e]]++;
    }
  }
  rowStart[n] = w;

  // Each volunteer's assigned pairs: at most min(capacity, degree) of them.
  const colStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) colStart[j + 1] = colStart[j] + Math.min(cap[j], degree[j]);
  const colPair = new Int32Array(colStart[m]);
  const colCount = new Int32Array(m);
  const flow = new Uint8Array(E);

  // Any assignment costs at most maxCost · w < M, so one more filled slot always wins.
  const M = maxCost * w + 1;
  if (!Number.isSafeInteger(M * 4)) throw new RangeError('costs too large for exact arithmetic');

  // Nodes: needs 0..n-1, volunteers n..n+m-1.
  const N = n + m;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N);
  const pred = new Int32Array(N);
  const reached = new Int32Array(N);
  const settledIn = new Int32Array(N);
  const settled = new Int32Array(N);
  const unfilled = new Int32Array(n);
  let heapKey = new Float64Array(1024);
  let heapNode = new Int32Array(1024);
  let size = 0;
  let search = 0;

  const push = (v: number, key: number) => {
    if (size === heapKey.length) {
      const k = new Float64Array(size * 2);
      k.set(heapKey);
      heapKey = k;
      const h = new Int32Array(size * 2);
      h.set(heapNode);
      heapNode = h;
    }
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent] <= key) break;
      heapKey[i] = heapKey[parent];
      heapNode[i] = heapNode[parent];
      i = parent;
    }
    heapKey[i] = key;
    heapNode[i] = v;
  };
  const popTop = () => {
    const key = heapKey[--size];
    const v = heapNode[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heapKey[c + 1] < heapKey[c]) c++;
      if (heapKey[c] >= key) break;
      heapKey[i] = heapKey[c];
      heapNode[i] = heapNode[c];
      i = c;
    }
    heapKey[i] = key;
    heapNode[i] = v;
  };
  const relax = (v: number, d: number, e: number) => {
    if (reached[v] !== search || d < dist[v]) {
      reached[v] = search;
      dist[v] = d;
      pred[v] = e;
      push(v, d);
    }
  };
  const assign = (e: number) => {
    const j = vol[e];
    flow[e] = 1;
    colPair[colStart[j] + colCount[j]++] = e;
  };
  const replace = (j: number, out: number, e: number) => {
    let k = colStart[j];
    while (colPair[k] !== out) k++;
    colPair[k] = e;
    flow[out] = 0;
    flow[e] = 1;
  };

  for (let r0 = 0; r0 < n; r0++) {
    for (let s = 0; s < slots[r0]; s++) {
      // Dijkstra's first step alone: the cheapest reduced edge, if it ends at a free column.
      let best = M + pot[r0];
      let bestEdge = -1;
      let bestFree = true;
      for (let k = rowStart[r0]; k < rowStart[r0 + 1]; k++) {
        const e = rowEdge[k];
        if (flow[e]) continue;
        const j = vol[e];
        const rc = cost[e] + pot[r0] - pot[n + j];
        if (rc < best || (rc === best && !bestFree && colCount[j] < cap[j])) {
          best = rc;
          bestEdge = e;
          bestFree = colCount[j] < cap[j];
        }
      }
      if (bestFree) {
        if (bestEdge < 0) unfilled[r0]++;
        else assign(bestEdge);
        pot[r0] -= best;
        continue;
      }

      search++;
      size = 0;
      let nSettled = 0;
      let unfilledAt = Infinity;
      let unfilledRow = -1;
      let terminal = -1;
      reached[r0] = search;
      dist[r0] = 0;
      push(r0, 0);
      while (size > 0) {
        const du = heapKey[0];
        if (du >= unfilledAt) break;
        const u = heapNode[0];
        popTop();
        if (settledIn[u] === search || du > dist[u]) continue;
        settledIn[u] = search;
        settled[nSettled++] = u;
        if (u >= n) {
          const j = u - n;
          if (colCount[j] < cap[j]) {
            terminal = u;
            break;
          }
          // Through a used pair back to its need: that need moves elsewhere.
          for (let k = colStart[j]; k < colStart[j] + colCount[j]; k++) {
            const e = colPair[k];
            const r = need[e];
            if (settledIn[r] !== search) relax(r, du + pot[u] - pot[r] - cost[e], e);
          }
        } else {
          for (let k = rowStart[u]; k < rowStart[u + 1]; k++) {
            const e = rowEdge[k];
            if (flow[e]) continue;
            const v = n + vol[e];
            if (settledIn[v] !== search) relax(v, du + cost[e] + pot[u] - pot[v], e);
          }
          const d = du + M + pot[u];
          if (d < unfilledAt) {
            unfilledAt = d;
            unfilledRow = u;
          }
        }
      }
      const D = terminal >= 0 ? dist[terminal] : unfilledAt;
      for (let i = 0; i < nSettled; i++) pot[settled[i]] += dist[settled[i]] - D;

      // Augment back to r0: each need on the path trades its used pair for the one it came by.
      let row: number;
      if (terminal >= 0) {
        assign(pred[terminal]);
        row = need[pred[terminal]];
      } else {
        unfilled[unfilledRow]++;
        row = unfilledRow;
      }
      while (row !== r0) {
        const out = pred[row];
        const j = vol[out];
        const e = pred[n + j];
        replace(j, out, e);
        row = need[e];
      }
    }
  }

  let filled = 0;
  let totalCost = 0;
  for (let e = 0; e < E; e++) {
    if (!flow[e]) continue;
    filled++;
    totalCost += cost[e];
  }
  const chosen = new Int32Array(filled);
  for (let e = 0, i = 0; e < E; e++) if (flow[e]) chosen[i++] = e;
  return { chosen, filled, totalCost, unfilled };
}
