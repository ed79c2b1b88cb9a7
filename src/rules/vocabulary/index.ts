// The shared rule vocabularies, one place: measure words (value rules) and category cue words (structure rules).
export * from "./measures.js";
export * from "./categories.js";
