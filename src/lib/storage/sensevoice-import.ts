import { DEFAULT_SENSEVOICE_MODEL_ID, SENSEVOICE_MODEL_FILE, SENSEVOICE_TOKENS_FILE } from '../transcription/engine-catalog.ts';
import type { ImportEntry, SenseVoiceImportPlan } from './model-import.ts';

/**
 * A SenseVoice folder (the sherpa-onnx export: `model.int8.onnx` and `tokens.txt`) among the
 * picked files, planned with both at the repository's root, where the engine fetches them (the
 * importer moves bare weights to `onnx/` for transformers.js; these go back). Everything else
 * (the fp32 `model.onnx`, test WAVs) is skipped. Undefined when it is not such a folder. Pure.
 * @example senseVoicePlan([{ path: 'onnx/model.int8.onnx', blob }, { path: 'tokens.txt', blob }], { suggestedId: '', skipped: [] })
 */
export function senseVoicePlan(files: readonly ImportEntry[], base: { readonly suggestedId: string; readonly skipped: readonly string[] }): SenseVoiceImportPlan | undefined {
  const graph = files.find((f) => f.path === `onnx/${SENSEVOICE_MODEL_FILE}` || f.path === SENSEVOICE_MODEL_FILE);
  const tokens = files.find((f) => f.path === SENSEVOICE_TOKENS_FILE);
  if (!graph || !tokens) return undefined;
  const picked = [{ path: SENSEVOICE_MODEL_FILE, blob: graph.blob }, tokens];
  const skipped = [...base.skipped, ...files.filter((f) => f !== graph && f !== tokens).map((f) => f.path)];
  // The hub's own folder name gives back the default repository id, so the import is used as is.
  const [owner, name] = DEFAULT_SENSEVOICE_MODEL_ID.split('/');
  const suggestedId = base.suggestedId === name && owner ? DEFAULT_SENSEVOICE_MODEL_ID : base.suggestedId;
  return { kind: 'sensevoice', suggestedId, files: picked, skipped, totalBytes: graph.blob.size + tokens.blob.size };
}
