import type { ReactNode } from 'react';

export interface TreeUnit {
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
  parentCode: string | null;
  active: boolean;
}

interface TreeNode {
  unit: TreeUnit;
  children: TreeNode[];
}

/** Nest a flat, code-ordered unit list; units whose parent is not in the list become roots. */
export function buildUnitTree(units: readonly TreeUnit[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const unit of units) nodes.set(unit.code, { unit, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentCode ? nodes.get(node.unit.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export interface UnitTreeProps {
  units: readonly TreeUnit[];
  /** Extra content after a unit's name (status badge, actions). */
  renderExtra?: (unit: TreeUnit) => ReactNode;
  inactiveLabel: string;
  /** Open townships by default only when the tree is small. */
  openDepth?: number;
}

/** A county → township → village tree with native <details>, so it works without JavaScript. */
export function UnitTree({ units, renderExtra, inactiveLabel, openDepth = 1 }: UnitTreeProps) {
  const roots = buildUnitTree(units);
  const renderNode = (node: TreeNode, depth: number): ReactNode => {
    const label = (
      <span className={node.unit.active ? 'unit-label' : 'unit-label unit-inactive'} data-code={node.unit.code}>
        <span className="unit-name">{node.unit.name}</span> <code className="unit-code">{node.unit.code}</code>
        {!node.unit.active && <span className="badge badge-muted">{inactiveLabel}</span>}
        {renderExtra?.(node.unit)}
      </span>
    );
    if (node.children.length === 0) return <li key={node.unit.code}>{label}</li>;
    return (
      <li key={node.unit.code}>
        <details open={depth < openDepth}>
          <summary>
            {label} <span className="count">({node.children.length})</span>
          </summary>
          <ul>{node.children.map((child) => renderNode(child, depth + 1))}</ul>
        </details>
      </li>
    );
  };
  return <ul className="unit-tree">{roots.map((root) => renderNode(root, 0))}</ul>;
}
