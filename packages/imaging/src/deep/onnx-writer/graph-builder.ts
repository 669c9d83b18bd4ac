import type { OnnxAttributeValue, OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx-types.js';

/**
 * Collects nodes, weights and graph inputs/outputs for {@link encodeOnnxModel}, naming intermediate values
 * automatically. A thin mutable helper: the model itself is the plain {@link OnnxModel} that
 * {@link OnnxGraphBuilder.build} returns.
 *
 * @example
 * ```ts
 * const b = new OnnxGraphBuilder('mlp');
 * const x = b.input('x', ['N', 4]);
 * const w = b.initializer('w', [2, 4], new Float32Array(8).fill(0.5));
 * const y = b.node('Gemm', [x, w], { transB: { type: 'int', value: 1 } });
 * b.output('y', y, ['N', 2]);
 * const bytes = encodeOnnxModel(b.build());
 * ```
 */
export class OnnxGraphBuilder {
  private readonly nodes: OnnxNode[] = [];
  private readonly initializers: OnnxTensor[] = [];
  private readonly inputs: OnnxValueInfo[] = [];
  private readonly outputs: OnnxValueInfo[] = [];
  private counter = 0;

  constructor(readonly name: string) {}

  /** Declares a float32 graph input and returns its name. */
  input(name: string, shape: readonly (number | string)[]): string {
    this.inputs.push({ name, type: 'float32', shape });
    return name;
  }

  /** Adds a float32 weight tensor and returns its name. */
  initializer(name: string, dims: readonly number[], data: Float32Array): string {
    this.initializers.push({ name, type: 'float32', dims, data });
    return name;
  }

  /**
   * Adds a node with one output and returns the output's name (`outputName`, or `<opType>_<n>`).
   */
  node(
    opType: string,
    inputs: readonly string[],
    attributes: Readonly<Record<string, OnnxAttributeValue>> = {},
    outputName?: string,
  ): string {
    const id = this.counter++;
    const output = outputName ?? `${opType.toLowerCase()}_${id}`;
    this.nodes.push({ opType, inputs, outputs: [output], name: `${opType}_${id}`, attributes });
    return output;
  }

  /** Declares `value` as a float32 graph output of the given shape (renaming it through Identity if needed). */
  output(name: string, value: string, shape: readonly (number | string)[]): void {
    if (value !== name) this.node('Identity', [value], {}, name);
    this.outputs.push({ name, type: 'float32', shape });
  }

  /** The model (copies of the collected lists) with the given versions and metadata. */
  build(options: Omit<OnnxModel, 'name' | 'nodes' | 'inputs' | 'outputs' | 'initializers'> = {}): OnnxModel {
    return {
      ...options,
      name: this.name,
      nodes: [...this.nodes],
      inputs: [...this.inputs],
      outputs: [...this.outputs],
      initializers: [...this.initializers],
    };
  }
}

/** Shorthand for an `ints` attribute. */
export function intsAttribute(value: readonly number[]): OnnxAttributeValue {
  return { type: 'ints', value };
}

/** Shorthand for an `int` attribute. */
export function intAttribute(value: number): OnnxAttributeValue {
  return { type: 'int', value };
}
