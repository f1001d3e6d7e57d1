import type bundledModel from 'wink-eng-lite-web-model';

/** wink's English model, as wink-eng-lite-web-model exports it. */
export type WinkModel = typeof bundledModel;

/** The model's core file (`eng-core-web-model.json`) as parsed: what its own loader copies for each instance. */
export interface CoreModelFile {
  lexicon: string;
  xpansions: string;
  packing: { layout: Record<string, number[]> } & Record<string, unknown>;
  features: Record<string, { list: unknown[] }>;
  pos: { hash: Record<string, number> };
  [part: string]: unknown;
}

/**
 * The parts of wink-eng-lite-web-model (1.8.1, pinned) that analysis uses: the loaders of the core model, of the
 * models its pipe runs (sentence boundaries, part of speech, negation) and of the custom-entity machines wink always
 * loads, the feature function and the add-ons. The named-entity and sentiment models (575 KB of the model's JSON) are
 * left out: wink loads them into every instance, but runs them only for a pipe that asks.
 */
export interface ModelParts {
  core: () => unknown;
  sbd: unknown;
  pos: unknown;
  negation: unknown;
  metaCER: unknown;
  featureFn: unknown;
  stem: unknown;
  lemmatize: unknown;
  readabilityStats: unknown;
}

/** Where the model's parts other than the core sit in wink-eng-lite-web-model 1.8.1 (pinned). */
const PART_FILES: Readonly<Record<Exclude<keyof ModelParts, 'core'>, string>> = Object.freeze({
  sbd: 'wink-eng-lite-web-model/dist/load-sbd-model.js',
  pos: 'wink-eng-lite-web-model/dist/load-pos-model.js',
  negation: 'wink-eng-lite-web-model/dist/load-negation-model.js',
  metaCER: 'wink-eng-lite-web-model/dist/load-cer-meta-model.js',
  featureFn: 'wink-eng-lite-web-model/dist/feature.js',
  stem: 'wink-eng-lite-web-model/dist/porter-stemmer.js',
  lemmatize: 'wink-eng-lite-web-model/dist/lemmatize.js',
  readabilityStats: 'wink-eng-lite-web-model/dist/readability-stats.js',
});

/** Where the core model's file sits in wink-eng-lite-web-model 1.8.1. */
export const CORE_FILE = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';

let provided: ModelParts | undefined;

/**
 * Give analysis the model's parts: the isomorphic entry passes the ones it bundles. Without them (Node's entry, and
 * code run from source), they are required on first use, so importing rubricate does not load them.
 */
export function provideModel(parts: ModelParts): void {
  provided ??= parts;
}

/**
 * The model's parts: the ones provided, else, in Node, required from beside this module, with `coreLoader` reading
 * the core file (an ES module could import that JSON file only with an import attribute, which the isomorphic entry
 * avoids: it keeps the model's own core loader).
 */
function modelParts(): ModelParts {
  if (!provided) {
    const nodeModule = globalThis.process?.getBuiltinModule?.('module') as
      | typeof import('node:module')
      | undefined;
    if (!nodeModule)
      throw new Error("rubricate: no language model; import rubricate's main entry, which bundles it");
    const require = nodeModule.createRequire(import.meta.url);
    const parts = Object.entries(PART_FILES).map(([part, file]) => [part, require(file)]);
    // Read as `require` reads JSON, but not kept in its cache: `coreLoader` keeps what it needs, and drops the rest.
    const fs = globalThis.process.getBuiltinModule('fs') as typeof import('node:fs');
    const core = JSON.parse(fs.readFileSync(require.resolve(CORE_FILE), 'utf8')) as CoreModelFile;
    provided = { ...Object.fromEntries(parts), core: coreLoader(core) } as ModelParts;
  }
  return provided;
}

/** The 32-bit words a base64 string of the core file packs. */
function decode(base64: string): Uint32Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
  return new Uint32Array(bytes.buffer);
}

/** Each entry of a list by its position, in an object without a prototype (wink reads it with `hash[word]`). */
function positions(list: readonly unknown[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k] as string] = k;
  return hash;
}

/**
 * A loader of the core model that gives what the model's own loader gives (wink-eng-lite-web-model 1.8.1), without
 * its deep copy of the whole 3 MB file for every instance (half of making one). wink appends to the lists of the
 * features it hashes (the words it learns, and their prefixes, suffixes and shapes) and to their hashes, and only
 * reads the rest: each call copies those lists and hashes them, and the packed lexicon, its expansions and the
 * part-of-speech clusters are decoded once, when the loader is made, and shared. A test compares the result with
 * the model's own loader.
 */
export function coreLoader(file: CoreModelFile): () => unknown {
  // Decoded here, once for every instance; the loader keeps no base64 text (1.9 MB).
  const { lexicon, xpansions, ...rest } = file;
  const decoded = {
    lexicon: decode(lexicon),
    xpansions: decode(xpansions),
    clusters: ((rest.features.posClusters?.list ?? []) as string[]).map(
      (cluster) => new Set(cluster.split('_').map((tag) => rest.pos.hash[tag] || 0)),
    ),
  };
  return () => {
    const features: Record<string, unknown> = {};
    for (const [name, feature] of Object.entries(rest.features)) features[name] = { ...feature };
    (features.posClusters as { list: unknown }).list = decoded.clusters;
    const efList: string[] = [];
    // A feature's layout: where its bits sit, whether they hold its value itself (else an index into its list, which
    // is hashed), and whether it is extracted from each new word.
    for (const [name, [, mask, shift, inBits, extracted]] of Object.entries(rest.packing.layout) as [
      string,
      number[],
    ][]) {
      if (inBits === 0) {
        const list = [...(rest.features[name]?.list ?? [])];
        const maxIndex = (mask as number) >>> (shift as number);
        features[name] = {
          list,
          hash: positions(list),
          intrinsicSize: list.length,
          index: list.length,
          maxIndex,
        };
      }
      if (extracted === 1) efList.push(name);
    }
    const lexemes = [...(rest.features.lexeme?.list ?? [])];
    features.lexeme = {
      list: lexemes,
      hash: positions(lexemes),
      intrinsicSize: lexemes.length,
      index: lexemes.length,
    };
    return {
      ...rest,
      packing: { ...rest.packing, efList },
      features,
      lexicon: decoded.lexicon,
      xpansions: decoded.xpansions,
    };
  };
}

/** A named-entity model without machines and a sentiment model whose one machine is empty: never run (`ModelParts`). */
const NO_ENTITIES = { machines: [], transformers: [] };
const NO_SENTIMENT = { machines: [JSON.stringify([0, 0, {}, {}, {}, {}])], setter: () => {} };

let renewable: WinkModel | undefined;

/**
 * The model as instances are made from it: assembled from the same parts as wink-eng-lite-web-model's own entry
 * assembles it, but with empty named-entity and sentiment models, and with its custom-entity machines loaded once.
 * The model stringifies those machines again each time an instance loads them, so their text nearly doubles with
 * every instance (the 16th throws "Invalid string length"); analysis learns no custom entities, so the first load
 * serves every instance.
 */
export function renewableModel(): WinkModel {
  if (!renewable) {
    const parts = modelParts();
    // Typed as data; a loader function at run time, as every model part is.
    const metaCER = (parts.metaCER as () => unknown)();
    const addons = Object.assign(Object.create(null), {
      stem: parts.stem,
      lemmatize: parts.lemmatize,
      readabilityStats: parts.readabilityStats,
      wordVectors: undefined,
    });
    renewable = Object.assign(Object.create(null), {
      core: parts.core,
      sbd: parts.sbd,
      pos: parts.pos,
      ner: () => NO_ENTITIES,
      negation: parts.negation,
      sa: () => NO_SENTIMENT,
      metaCER: () => metaCER,
      featureFn: parts.featureFn,
      addons,
    });
  }
  return renewable as WinkModel;
}
