package io.portfolioos.contract.data;

/** What {@code data.export} wrote: the final file, its data rows and its size in bytes. */
public record ExportResult(
    String path, ExportKind kind, ExportFormat format, long rows, long bytes) {}
