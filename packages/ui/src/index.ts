export { UnitTree, buildUnitTree, type TreeUnit, type UnitTreeProps } from './unit-tree.tsx';
export { Notice, type NoticeProps } from './notice.tsx';
export * from './charts/index.ts';
