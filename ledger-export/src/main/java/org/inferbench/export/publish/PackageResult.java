package org.inferbench.export.publish;

import java.nio.file.Path;

/** Where a run was published, and whether that changed anything. */
public record PackageResult(Path runFolder, PublishOutcome outcome) {
}
