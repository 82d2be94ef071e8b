/**
 * Runs inside each worker the app starts (`worker.evaluate(loseGpuAfterFirstCues)`): keeps every
 * GPUDevice the worker asks for, and destroys them right after the worker answers its first
 * recognised window with cues (the protocol's `{ kind: 'done', result: { cues } }`), so the GPU is
 * lost between the first window and the second. Nothing in the app knows about it. Serialised into
 * the worker, so it uses nothing from outside its own body.
 */
export function loseGpuAfterFirstCues(): void {
  const scope = globalThis;
  const devices: GPUDevice[] = [];
  const requestDevice = GPUAdapter.prototype.requestDevice;
  GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
    const device = await requestDevice.call(this, descriptor);
    devices.push(device);
    return device;
  };
  const post = scope.postMessage.bind(scope);
  let lost = false;
  Reflect.set(scope, 'postMessage', (message: unknown, transfer?: Transferable[]) => {
    post(message, transfer ?? []);
    // A recognised window's answer: `{ kind: 'done', result: { cues: [...] } }`.
    const result: unknown = typeof message === 'object' && message !== null && Reflect.get(message, 'kind') === 'done' ? Reflect.get(message, 'result') : undefined;
    const cues: unknown = typeof result === 'object' && result !== null ? Reflect.get(result, 'cues') : undefined;
    if (lost || !Array.isArray(cues) || cues.length === 0 || devices.length === 0) return;
    lost = true;
    for (const device of devices) device.destroy();
    console.log(`zimu-test: destroyed ${devices.length} GPU device(s)`);
  });
}
