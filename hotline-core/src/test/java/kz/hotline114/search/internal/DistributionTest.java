package kz.hotline114.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local node's distribution was found only when the jar ran from the repository root; now also beside the jar. */
class DistributionTest {

    @TempDir
    Path dir;

    @Test
    void a_relative_home_is_found_beside_the_jar_when_the_working_directory_is_elsewhere() throws Exception {
        var target = Files.createDirectories(dir.resolve("checkout/hotline-ui/target"));
        var bin = Files.createDirectories(target.resolve("elasticsearch/elasticsearch-9.5.3/bin"));
        Files.writeString(bin.resolve("elasticsearch"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("elasticsearch"), PosixFilePermissions.fromString("rwxr-xr-x"));
        var configured = Path.of("hotline-ui/target/elasticsearch/elasticsearch-9.5.3"); // relative to the repo root
        var jar = target.resolve("hotline-ui.jar").toString();

        assertThat(ElasticsearchSearchIndex.distribution(configured, "other.jar" + File.pathSeparator + jar))
                .isEqualTo(target.resolve("elasticsearch/elasticsearch-9.5.3").toAbsolutePath().normalize());
        assertThat(ElasticsearchSearchIndex.distribution(configured, "")).as("neither here nor beside a jar").isNull();
        assertThat(ElasticsearchSearchIndex.distribution(null, jar)).isNull();
        assertThat(ElasticsearchSearchIndex.distribution(dir.resolve("absent"), jar)).as("absolute: only there").isNull();
    }
}
