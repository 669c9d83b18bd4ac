// Runs @tace/imaging's checkModelContract on an exported model and prints the report as JSON: the golden pair
// written by PyTorch (tace_train/export.py) is run through onnxruntime-node and compared to 1e-5.
// Usage (repository root): npx tsx --conditions=@tace/source training/tests/check_contract.ts model.onnx
import { checkModelContract } from '../../packages/imaging/src/index.ts';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: check_contract.ts <model.onnx>');
const report = await checkModelContract(path);
console.log(JSON.stringify(report));
process.exitCode = report.ok ? 0 : 1;
