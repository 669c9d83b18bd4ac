import { existsSync, readFileSync } from 'node:fs';
import { TaceError } from '@tace/core';
import { decodeNpy, type NpyArray } from '../export/npy.js';
import { inspectOnnx, type OnnxSummary, type OnnxValueSummary } from './inspect-onnx.js';
import { manifestSampleShape, type PreprocessingManifest, parseManifest } from './manifest.js';
import { loadOnnxRuntime } from './onnxruntime.js';

/**
 * The rules of the model contract, each reported by name:
 *
 * - `model.readable`: the file exists and is a well-formed ONNX ModelProto ({@link inspectOnnx});
 * - `manifest.present`, `manifest.valid`: `<stem>.preprocessing.json` exists and parses ({@link parseManifest});
 * - `input.name`: exactly one graph input, named as the contract says (`image`), which the manifest's
 *   `input` names (or leaves `null`);
 * - `input.dtype`: float32;
 * - `input.layout`: rank 5 for an `NCDHW` manifest, rank 4 for `NCHW`;
 * - `input.shape`: the non-batch dimensions equal `manifestSampleShape(manifest)` (channels = phases);
 * - `input.batch`: the batch dimension is dynamic (symbolic or unknown);
 * - `output.embedding`: a float32 output `embedding` of shape [N, k], k > 0, named so by the manifest;
 * - `output.risk`: a float32 output `risk` of shape [N, 1] or [N], named so by the manifest;
 * - `opset`: the ai.onnx opset lies in the accepted range;
 * - `batchnorm.folded`: no `BatchNormalization` node (fold it into the convolutions before export);
 * - `golden.present`: `<stem>.golden-input.npy`, `<stem>.golden-embedding.npy`, `<stem>.golden-risk.npy`
 *   exist, are float32 `.npy` files, and their shapes agree with the input and the outputs;
 * - `golden.reproduced`: onnxruntime's outputs on the golden input equal the golden outputs within the
 *   tolerance.
 */
export type ModelContractRule =
  | 'model.readable'
  | 'manifest.present'
  | 'manifest.valid'
  | 'input.name'
  | 'input.dtype'
  | 'input.layout'
  | 'input.shape'
  | 'input.batch'
  | 'output.embedding'
  | 'output.risk'
  | 'opset'
  | 'batchnorm.folded'
  | 'golden.present'
  | 'golden.reproduced';

/** One broken rule of the contract. */
export interface ContractViolation {
  rule: ModelContractRule;
  /** What is wrong and how to mend it. */
  message: string;
}

/** What {@link checkModelContract} found. */
export interface ModelContractReport {
  /** The model file checked. */
  path: string;
  /** True when there is no violation. */
  ok: boolean;
  /** Every violation, in rule order; empty when the model meets the contract. */
  violations: ContractViolation[];
  /** Largest scaled difference `|a - b| / max(1, |b|)` on the golden pair (NaN when not run). */
  goldenMaxDifference: number;
}

/** Options of {@link checkModelContract}. */
export interface ModelContractOptions {
  /**
   * The preprocessing manifest, or the path of its JSON file.
   * @default `<model path without .onnx>.preprocessing.json` (as `loadModel`)
   */
  preprocessing?: PreprocessingManifest | string;
  /**
   * Path prefix of the golden pair (`<prefix>-input.npy`, `<prefix>-embedding.npy`, `<prefix>-risk.npy`).
   * @default `<model path without .onnx>.golden`
   */
  golden?: string;
  /** Accepted ai.onnx opset range [min, max] (PyTorch 1.13 exports up to 17). @default [13, 17] */
  opset?: [number, number];
  /** Tolerance of the golden pair on `|a - b| / max(1, |b|)`. @default 1e-5 */
  tolerance?: number;
  /** The input name the contract requires. @default 'image' */
  inputName?: string;
}

/**
 * Checks an ONNX model against the project's model contract (see {@link ModelContractRule}) and reports
 * **every** violation by rule name, instead of stopping at the first as `loadModel` does: the input (one,
 * named `image`, float32, the manifest's layout and sample shape, dynamic batch), the outputs `embedding`
 * [N, k] and `risk` [N, 1], the opset range, batch-norm folded, the preprocessing manifest present and
 * consistent, and a golden input/output pair (`.npy` beside the model) that onnxruntime reproduces within
 * `tolerance`. The golden pair is run only when the model and the pair are well-formed.
 *
 * @throws {TaceError} `MISSING_DEPENDENCY` when the golden pair must be run and onnxruntime-node is absent.
 * @example
 * ```ts
 * const report = await checkModelContract('models/tace-cnn-v1.onnx');
 * for (const v of report.violations) console.log(`${v.rule}: ${v.message}`);
 * ```
 */
export async function checkModelContract(
  path: string,
  options: ModelContractOptions = {},
): Promise<ModelContractReport> {
  const { opset = [13, 17], tolerance = 1e-5, inputName = 'image' } = options;
  const stem = path.replace(/\.onnx$/i, '');
  const violations: ContractViolation[] = [];
  const report = (rule: ModelContractRule, message: string): void => {
    violations.push({ rule, message });
  };
  const result = (goldenMaxDifference = Number.NaN): ModelContractReport => ({
    path,
    ok: violations.length === 0,
    violations,
    goldenMaxDifference,
  });

  let onnx: OnnxSummary | null = null;
  try {
    onnx = inspectOnnx(readFileSync(path), path);
  } catch (error) {
    report('model.readable', (error as Error).message);
  }
  const manifest = readContractManifest(stem, options.preprocessing, report);
  if (onnx === null) return result();

  // ---- input ----
  let input: OnnxValueSummary | undefined;
  if (onnx.inputs.length !== 1) {
    report(
      'input.name',
      `the model has ${onnx.inputs.length} inputs (${onnx.inputs.map((i) => `'${i.name}'`).join(', ')}); the contract needs one, '${inputName}'`,
    );
  } else {
    input = onnx.inputs[0];
    if (input.name !== inputName)
      report('input.name', `the input is '${input.name}', the contract needs '${inputName}'`);
    else if (manifest !== null && manifest.input !== null && manifest.input !== inputName)
      report('input.name', `the manifest names input '${manifest.input}', the model's is '${inputName}'`);
    if (input.type !== 'float32')
      report('input.dtype', `input '${input.name}' is ${input.type}, the contract needs float32`);
    if (manifest !== null) {
      const sample = manifestSampleShape(manifest);
      if (input.shape.length !== sample.length + 1) {
        report(
          'input.layout',
          `input '${input.name}' has rank ${input.shape.length} [${input.shape.join(', ')}], layout ${manifest.layout} needs rank ${sample.length + 1}`,
        );
      } else {
        const rest = input.shape.slice(1);
        if (rest.some((d, i) => d !== sample[i])) {
          report(
            'input.shape',
            `input '${input.name}' is [${input.shape.join(', ')}], the manifest implies [N, ${sample.join(', ')}] (${manifest.layout}, ${manifest.phases.length} phases)`,
          );
        }
      }
    }
    const batch = input.shape[0];
    if (typeof batch === 'number' && batch > 0)
      report(
        'input.batch',
        `input '${input.name}' has a fixed batch of ${batch}; export with a dynamic batch axis`,
      );
  }

  // ---- outputs ----
  const output = (role: 'embedding' | 'risk'): OnnxValueSummary | undefined => {
    const rule = role === 'embedding' ? 'output.embedding' : 'output.risk';
    const found = onnx.outputs.find((o) => o.name === role);
    if (found === undefined) {
      report(rule, `no output '${role}' (outputs: ${onnx.outputs.map((o) => `'${o.name}'`).join(', ')})`);
      return undefined;
    }
    if (manifest !== null && manifest.outputs[role] !== role)
      report(
        rule,
        `the manifest names ${role} output '${manifest.outputs[role] ?? '(none)'}', expected '${role}'`,
      );
    if (found.type !== 'float32') report(rule, `output '${role}' is ${found.type}, expected float32`);
    const rest = found.shape.slice(1);
    const good =
      role === 'embedding'
        ? found.shape.length === 2 && typeof rest[0] === 'number' && rest[0] > 0
        : found.shape.length === 1 || (found.shape.length === 2 && rest[0] === 1);
    if (!good)
      report(
        rule,
        `output '${role}' has shape [${found.shape.join(', ')}], expected ${role === 'embedding' ? '[N, k]' : '[N, 1]'}`,
      );
    return found;
  };
  const embedding = output('embedding');
  output('risk');

  // ---- graph ----
  if (!(onnx.opsetVersion >= opset[0] && onnx.opsetVersion <= opset[1]))
    report('opset', `opset ${onnx.opsetVersion} is outside [${opset[0]}, ${opset[1]}]`);
  const norms = onnx.operators.filter((op) => op === 'BatchNormalization').length;
  if (norms > 0)
    report(
      'batchnorm.folded',
      `${norms} BatchNormalization node(s); fold them into the convolutions (eval mode) before export`,
    );

  // ---- golden pair ----
  const golden = readGolden(options.golden ?? `${stem}.golden`, report);
  if (golden === null || input === undefined || manifest === null) return result();
  // Against the model's declared input (the manifest's agreement with it is the input rules' business).
  const sample = input.shape.slice(1).map((d) => (typeof d === 'number' ? d : -1));
  const n = golden.input.shape[0];
  const k = typeof embedding?.shape[1] === 'number' ? embedding.shape[1] : -1;
  const shapeProblems = [
    sameShape(golden.input.shape, [n, ...sample])
      ? ''
      : `input [${golden.input.shape.join(', ')}] is not [n, ${input.shape.slice(1).join(', ')}]`,
    golden.embedding.shape[0] === n &&
    golden.embedding.shape.length === 2 &&
    (k < 0 || golden.embedding.shape[1] === k)
      ? ''
      : `embedding [${golden.embedding.shape.join(', ')}] is not [${n}, ${k}]`,
    golden.risk.shape[0] === n && golden.risk.data.length === n
      ? ''
      : `risk [${golden.risk.shape.join(', ')}] is not [${n}, 1]`,
  ].filter((s) => s !== '');
  if (shapeProblems.length > 0) {
    report('golden.present', `the golden pair's shapes disagree: ${shapeProblems.join('; ')}`);
    return result();
  }
  if (violations.length > 0) return result(); // run only a model that is otherwise well-formed
  const runtime = await loadOnnxRuntime();
  let outputs: Record<string, { data: unknown }>;
  let session: Awaited<ReturnType<typeof runtime.InferenceSession.create>> | undefined;
  try {
    session = await runtime.InferenceSession.create(path, { executionProviders: ['cpu'] });
    outputs = await session.run({
      [input.name]: new runtime.Tensor('float32', golden.input.data, golden.input.shape),
    });
  } catch (error) {
    report('golden.reproduced', `onnxruntime could not run the golden input: ${(error as Error).message}`);
    return result();
  } finally {
    await session?.release();
  }
  let worst = 0;
  for (const role of ['embedding', 'risk'] as const) {
    const got = outputs[role].data as Float32Array;
    const want = golden[role].data;
    let roleWorst = 0;
    let where = 0;
    for (let i = 0; i < want.length; i++) {
      const d = Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i]));
      if (!(d <= roleWorst)) {
        roleWorst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
        where = i;
      }
    }
    worst = Math.max(worst, roleWorst);
    if (roleWorst > tolerance)
      report(
        'golden.reproduced',
        `${role}[${where}] is ${got[where]}, the golden value ${want[where]} (scaled difference ${roleWorst.toExponential(2)} > ${tolerance})`,
      );
  }
  return result(worst);
}

/**
 * {@link checkModelContract}, throwing when the model breaks the contract: the message lists every
 * violation as `rule: message`.
 *
 * @throws {TaceError} `MODEL_ERROR` naming every violated rule.
 * @example
 * ```ts
 * await assertModelContract('my-model.onnx'); // then loadModel('my-model.onnx')
 * ```
 */
export async function assertModelContract(path: string, options: ModelContractOptions = {}): Promise<void> {
  const report = await checkModelContract(path, options);
  if (report.ok) return;
  throw new TaceError(
    'MODEL_ERROR',
    `${path} breaks the model contract:\n${report.violations.map((v) => `  ${v.rule}: ${v.message}`).join('\n')}`,
    {
      param: path,
      remedy:
        'export with training/train.py (tace_train/export.py writes the manifest and the golden pair), see training/README.md',
    },
  );
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => b[i] < 0 || d === b[i]);
}

function readContractManifest(
  stem: string,
  given: PreprocessingManifest | string | undefined,
  report: (rule: ModelContractRule, message: string) => void,
): PreprocessingManifest | null {
  let value: unknown = given;
  let source = 'preprocessing';
  if (typeof given !== 'object') {
    source = given ?? `${stem}.preprocessing.json`;
    if (!existsSync(source)) {
      report('manifest.present', `preprocessing manifest ${source} not found`);
      return null;
    }
    try {
      value = JSON.parse(readFileSync(source, 'utf8'));
    } catch (error) {
      report('manifest.valid', `${source} is not valid JSON: ${(error as Error).message}`);
      return null;
    }
  }
  try {
    return parseManifest(value, source);
  } catch (error) {
    report('manifest.valid', (error as Error).message);
    return null;
  }
}

function readGolden(
  prefix: string,
  report: (rule: ModelContractRule, message: string) => void,
): { input: NpyArray; embedding: NpyArray; risk: NpyArray } | null {
  const parts = ['input', 'embedding', 'risk'] as const;
  const missing = parts.map((p) => `${prefix}-${p}.npy`).filter((f) => !existsSync(f));
  if (missing.length > 0) {
    report('golden.present', `no golden ${missing.join(', ')}; write them with the exported model`);
    return null;
  }
  try {
    const [input, embedding, risk] = parts.map((p) => {
      const file = `${prefix}-${p}.npy`;
      return decodeNpy(readFileSync(file), file);
    });
    return { input, embedding, risk };
  } catch (error) {
    report('golden.present', (error as Error).message);
    return null;
  }
}
