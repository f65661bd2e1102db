// Turns planned v-if chains into boundary tokens inside the token stream (splitting text tokens where needed),
// so the structure builder can build the chains' IfNodes in the same single pass as the directive blocks.
import type { IfNode, Node } from "./ast.js";
import type { Token } from "./tokens.js";
import type { Chain } from "./v-if.js";

/** What the structure builder collected for one chain: each member's nodes and the gaps between members. */
export interface ChainLists { bodies: Node[][]; gaps: Node[][] }

type ChainToken = Extract<Token, { t: "vif" }>;

export function insertChainTokens(tokens: Token[], chains: Chain[]): Token[] {
  // Ends of members (priority 0) sort before starts (priority 1) at the same offset, so adjacent chains and
  // members without a gap between them stay in order.
  const marks: Array<{ at: number; pri: number; seq: number; tok: ChainToken }> = [];
  for (const chain of chains) {
    const last = chain.members.length - 1;
    chain.members.forEach((m, j) => {
      marks.push({ at: m.xs, pri: 1, seq: marks.length, tok: { t: "vif", op: j === 0 ? "open" : "member", start: m.xs, end: m.xs, chain, index: j } });
      marks.push({ at: m.xe, pri: 0, seq: marks.length, tok: { t: "vif", op: j === last ? "close" : "gap", start: m.xe, end: m.xe, chain, index: j } });
    });
  }
  marks.sort((a, b) => a.at - b.at || a.pri - b.pri || a.seq - b.seq);
  const out: Token[] = [];
  let mi = 0;
  for (const tok of tokens) {
    if (tok.t !== "text") {
      while (mi < marks.length && marks[mi].at <= tok.start) out.push(marks[mi++].tok);
      out.push(tok);
      continue;
    }
    let s = tok.start;
    while (mi < marks.length && marks[mi].at < tok.end) {
      const at = marks[mi].at;
      if (at > s) { out.push({ t: "text", start: s, end: at, seg: tok.seg }); s = at; }
      out.push(marks[mi++].tok);
    }
    if (s < tok.end) out.push({ t: "text", start: s, end: tok.end, seg: tok.seg });
  }
  while (mi < marks.length) out.push(marks[mi++].tok);
  return out;
}

/**
 * Fills the chain's IfNode: branch i renders the gaps before member i, member i, then the gaps after it, and
 * without a v-else an extra branch renders the gaps alone. Repeating gaps is quadratic in the chain length, so
 * beyond a few thousand repeated gap lists they are returned to be output once after the chain instead.
 */
export function assembleChain(node: IfNode, chain: Chain, lists: ChainLists): Node[] {
  const { bodies, gaps } = lists;
  const members = chain.members;
  node.span = { start: members[0].xs, end: members[members.length - 1].xe };
  const gapCount = gaps.reduce((k, g) => k + (g.length > 0 ? 1 : 0), 0);
  const inline = gapCount > 0 && gapCount * members.length <= 4096;
  members.forEach((m, j) => {
    const body = bodies[j] ?? [];
    node.branches.push({ cond: m.cond, span: m.attrSpan, body: inline ? [...gaps.slice(0, j).flat(), ...body, ...gaps.slice(j).flat()] : body });
  });
  if (inline && members[members.length - 1].cond !== null) {
    node.branches.push({ cond: null, span: { start: node.span.end, end: node.span.end }, body: gaps.flat() });
  }
  return inline ? [] : gaps.flat();
}
