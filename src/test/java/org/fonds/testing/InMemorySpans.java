package org.fonds.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans the application ends, kept in memory for the tests to read (Quarkus hands every CDI bean that is a
 * SpanExporter the finished spans, instead of exporting them by OTLP). Spans are made only where a test profile turns
 * the OpenTelemetry SDK on ({@code quarkus.otel.sdk.disabled=false}); everywhere else it is off, and this stays empty.
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
