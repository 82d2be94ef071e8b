import { cachedFiles, deleteCachedModel, listCachedModels, type CachedModel } from '../storage/model-cache.ts';
import { localDtypeFor, type LocalPrecision } from '../llm/local/local-catalog.ts';
import { entriesFromFiles, importModel, missingChatFor, missingFor, planImport, type ImportError, type ImportKind, type ImportPlan } from '../storage/model-import.ts';
import { filesDownloadSize } from '../transcription/catalog.ts';
import { engineModelFiles, SENSEVOICE_TOKENS_FILE } from '../transcription/engine-catalog.ts';
import type { SpeechEngineKind } from '../transcription/transcriber-protocol.ts';
import { gpuCapabilities, type GpuCapabilities } from '../transcription/device.ts';
import { HF_MIRROR_HOST } from '../transcription/languages.ts';
import { dtypeFor, HUGGING_FACE_HOST, normalizeHost, type Device, type DevicePreference, type Precision } from '../transcription/models.ts';

/** What went wrong in the models area, for the UI to translate. */
export type ModelsError =
  | ImportError
  | { readonly code: 'cache-unavailable'; readonly detail: string }
  | { readonly code: 'delete-failed'; readonly detail: string };

export type ImportState =
  | { readonly status: 'idle' }
  /** Checked and waiting for the user to confirm (and maybe rename). `lacks`: weights the device would still download. */
  | { readonly status: 'planned'; readonly plan: ImportPlan; readonly lacks: readonly string[]; readonly device: Device }
  | { readonly status: 'importing'; readonly doneBytes: number; readonly totalBytes: number }
  | { readonly status: 'done'; readonly kind: ImportKind; readonly modelId: string; readonly host: string; readonly totalBytes: number };

export interface DeviceInfo {
  readonly device: Device;
  readonly shaderF16: boolean;
}

let gpu: Promise<GpuCapabilities> | undefined;

/**
 * The device a run will use for a preference, by the engine's own rule (`detectDevice`: WebGPU
 * when an adapter exists). The adapter is asked once per page, not on every keystroke.
 */
export async function resolveDevice(preference: DevicePreference): Promise<DeviceInfo> {
  const caps = await (gpu ??= gpuCapabilities());
  const device = preference === 'auto' ? (caps.webgpu ? 'webgpu' : 'wasm') : preference;
  return { device, shaderF16: caps.shaderF16 };
}

/** Hosts whose paths must be recognised in cache keys (a mirror may live under a path). */
function knownHosts(current: string): string[] {
  return [current, HUGGING_FACE_HOST, HF_MIRROR_HOST];
}

/** The models stored in this browser: listing, deleting, and importing from disk. */
export class ModelLibrary {
  cached = $state.raw<readonly CachedModel[]>([]);
  loading = $state(false);
  error = $state.raw<ModelsError | undefined>();
  importState = $state.raw<ImportState>({ status: 'idle' });

  #importController: AbortController | undefined;

  /** Re-reads the cache. */
  async refresh(host: string): Promise<void> {
    this.loading = true;
    try {
      this.cached = await listCachedModels(knownHosts(host));
    } catch (caught) {
      this.error = { code: 'cache-unavailable', detail: describe(caught) };
    } finally {
      this.loading = false;
    }
  }

  /** Deletes one listed model (its files from that host only). */
  async remove(model: CachedModel): Promise<void> {
    try {
      await deleteCachedModel(model.modelId, model.host);
    } catch (caught) {
      this.error = { code: 'delete-failed', detail: describe(caught) };
    }
    await this.refresh(model.host);
  }

  /**
   * Checks picked files; on success waits for `confirmImport`. `precision` is the speech
   * models' setting and `chatPrecision` the in-browser language model's: the one the folder's kind uses
   * decides which weights the device would still lack.
   */
  async choose(files: Iterable<File>, preference: DevicePreference, precision: Precision, chatPrecision: LocalPrecision = 'auto'): Promise<void> {
    this.error = undefined;
    const planned = planImport(entriesFromFiles(files));
    if (planned.type === 'error') {
      this.importState = { status: 'idle' };
      this.error = planned.error;
      return;
    }
    const { plan } = planned;
    const { device, shaderF16 } = await resolveDevice(preference);
    const lacks =
      plan.kind === 'speech' ? missingFor(plan, dtypeFor(device, precision)) : plan.kind === 'chat' ? missingChatFor(plan, localDtypeFor(device, shaderF16, chatPrecision)) : [];
    this.importState = { status: 'planned', plan, lacks, device };
  }

  /** Stores the planned model under the host and id; true when it worked. */
  async confirmImport(host: string, modelId: string): Promise<boolean> {
    const state = this.importState;
    if (state.status !== 'planned') return false;
    this.error = undefined;
    const controller = new AbortController();
    this.#importController = controller;
    this.importState = { status: 'importing', doneBytes: 0, totalBytes: state.plan.totalBytes };
    const result = await importModel(state.plan, { host, modelId }, {
      signal: controller.signal,
      onProgress: (doneBytes, totalBytes) => (this.importState = { status: 'importing', doneBytes, totalBytes }),
    });
    this.#importController = undefined;
    if (result.type === 'error') {
      this.importState = result.error.code === 'invalid-id' ? state : { status: 'idle' };
      this.error = result.error;
    } else {
      this.importState = { status: 'done', kind: state.plan.kind, modelId: result.modelId, host: result.host, totalBytes: result.totalBytes };
      // An imported model has no other source: ask the browser not to evict it under storage pressure.
      void navigator.storage?.persist?.().catch(() => false);
    }
    await this.refresh(host);
    return result.type === 'imported';
  }

  /** Stops an import (what it wrote is removed) or forgets a planned one. */
  cancelImport(): void {
    this.#importController?.abort();
    if (this.importState.status !== 'importing') this.importState = { status: 'idle' };
  }

  dismissError(): void {
    this.error = undefined;
  }
}

export const modelLibrary = new ModelLibrary();

/** The picker's size line: first what is stored, else what the host says, before any download. */
export type SizeEstimate =
  | { readonly status: 'checking' }
  | { readonly status: 'cached'; readonly device: Device; readonly bytes: number }
  | { readonly status: 'known'; readonly device: Device; readonly bytes: number; readonly exact: boolean }
  /** The repository exists but lacks this precision's files. */
  | { readonly status: 'missing'; readonly device: Device; readonly files: readonly string[] }
  /** Not even `config.json`: a mistyped id, or a model the host does not have. */
  | { readonly status: 'not-found'; readonly host: string }
  | { readonly status: 'unknown' };

/**
 * Waits before asking the host, so typing an id or changing the source in quick succession sends
 * no request for the intermediate values.
 */
const SETTLE_MS = 500;

/** What a run will load: the settings' engine, its repository, the host, device and precision. */
export interface EngineChoice {
  readonly speechEngine: SpeechEngineKind;
  readonly engineModelId: string;
  readonly modelHost: string;
  readonly device: DevicePreference;
  readonly precision: Precision;
}

/** The download size of the chosen model for the device a run will use. One per picker. */
export class DownloadEstimate {
  estimate = $state.raw<SizeEstimate>({ status: 'checking' });
  /** The device runs will use, and its GPU's abilities: for recommendations. */
  deviceInfo = $state.raw<DeviceInfo | undefined>();

  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Re-estimates for the settings' engine and its repository, host, device and precision. */
  updateFor(choice: EngineChoice): void {
    this.update(choice.modelHost, choice.engineModelId, choice.device, choice.precision, choice.speechEngine);
  }

  /** Re-estimates for a new engine, host, id or device; an older check still running is dropped. */
  update(host: string, modelId: string, preference: DevicePreference, precision: Precision, engine: SpeechEngineKind = 'whisper'): void {
    this.dispose();
    this.estimate = { status: 'checking' };
    const controller = new AbortController();
    this.#controller = controller;
    this.#timer = setTimeout(() => void this.#check(engine, host, modelId.trim(), preference, precision, controller.signal), SETTLE_MS);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#controller?.abort();
  }

  async #check(engine: SpeechEngineKind, host: string, modelId: string, preference: DevicePreference, precision: Precision, signal: AbortSignal): Promise<void> {
    try {
      const info = await resolveDevice(preference);
      if (signal.aborted) return;
      this.deviceInfo = info;
      const files = engineModelFiles(engine, info.device, precision);
      // A repository without SenseVoice's token table is not a SenseVoice model at all.
      const marker = engine === 'sensevoice' ? SENSEVOICE_TOKENS_FILE : 'config.json';
      const estimate = await sizeEstimateFor(normalizeHost(host), modelId, files, info.device, signal, marker);
      if (!signal.aborted) this.estimate = estimate;
    } catch {
      if (!signal.aborted) this.estimate = { status: 'unknown' };
    }
  }
}

/**
 * What downloading these files of a model would cost on `device`: stored already, the host's
 * sizes (HEAD requests, nothing downloaded), missing files, or not found (the host lacks `marker`,
 * the file every such repository has). Shared by the speech and the in-browser language model pickers.
 */
export async function sizeEstimateFor(host: string, modelId: string, files: readonly string[], device: Device, signal?: AbortSignal, marker = 'config.json'): Promise<SizeEstimate> {
  if (modelId === '') return { status: 'unknown' };
  const stored = await cachedFiles(host, modelId, files).catch(() => undefined);
  if (stored && stored.missing.length === 0) return { status: 'cached', device, bytes: stored.bytes };
  const size = await filesDownloadSize(host, modelId, files, (url, init) => fetch(url, init), signal);
  switch (size.type) {
    case 'known':
      return { status: 'known', device, bytes: size.totalBytes, exact: size.exact };
    case 'missing':
      return size.files.includes(marker) ? { status: 'not-found', host } : { status: 'missing', device, files: size.files };
    case 'unknown':
      return { status: 'unknown' };
  }
}

function describe(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}
