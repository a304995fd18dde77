// OpenTelemetry tracing, off unless OTEL_TRACES_EXPORTER says `console` or `otlp` (the standard
// OpenTelemetry variable). When on, each GraphQL operation (parse, validate, execute) and each
// Clopos call is a span; variables, results and headers are never recorded.
import type { TracerProvider } from '@opentelemetry/api';
import { BatchSpanProcessor, ConsoleSpanExporter, NodeTracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace-node';

export const TRACE_EXPORTERS = ['none', 'console', 'otlp'] as const;
export type TraceExporterName = (typeof TRACE_EXPORTERS)[number];

export interface Tracing {
  provider: TracerProvider;
  shutdown(): Promise<void>;
}

/** Loaded only when asked for, so a gateway without tracing never pays for it. */
async function otlpExporter(): Promise<SpanExporter> {
  const name = '@opentelemetry/exporter-trace-otlp-http';
  try {
    const module = (await import(name)) as { OTLPTraceExporter: new () => SpanExporter };
    // It reads OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT itself.
    return new module.OTLPTraceExporter();
  } catch {
    throw new Error(`OTEL_TRACES_EXPORTER=otlp needs the package ${name}: npm install ${name}`);
  }
}

export async function startTracing(exporter: TraceExporterName): Promise<Tracing | undefined> {
  if (exporter === 'none') return undefined;
  const spanExporter = exporter === 'console' ? new ConsoleSpanExporter() : await otlpExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(spanExporter)] });
  provider.register();
  return { provider, shutdown: () => provider.shutdown() };
}
