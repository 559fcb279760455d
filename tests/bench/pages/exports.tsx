import { runExportBench, type ExportBenchResult } from '../exportBench';

declare global {
  interface Window {
    __exportBench?: ExportBenchResult;
    __exportBenchError?: string;
  }
}

// exports.html?requirements=5000&runs=5 — run.mjs reads the result from window.__exportBench.
const params = new URLSearchParams(location.search);
runExportBench(Number(params.get('requirements') ?? 5000), Number(params.get('runs') ?? 5)).then(
  (result) => {
    window.__exportBench = result;
  },
  (error: unknown) => {
    window.__exportBenchError = error instanceof Error ? (error.stack ?? error.message) : String(error);
  },
);
