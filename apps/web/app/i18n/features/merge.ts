import { featureCatalogs } from './index.ts';

type Catalogs = (typeof featureCatalogs)[number];
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
type FeatureMessages = [Catalogs] extends [never] ? Record<never, string> : UnionToIntersection<Catalogs['zh']>;
export type FeatureKey = keyof FeatureMessages;

/** All feature messages of one language as one object. */
export function mergeFeatures(language: 'zh' | 'en'): FeatureMessages {
  return Object.assign({}, ...featureCatalogs.map((catalog) => catalog[language])) as FeatureMessages;
}
