package kz.hotline114.recordings.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import kz.hotline114.recordings.RecordingsProperties;
import kz.hotline114.shared.HotlineProperties;

/** The recordings' directories, keys and store. */
@Configuration
@EnableConfigurationProperties(RecordingsProperties.class)
class RecordingsConfiguration {

    /** Where the PBX's files come in, and where the encrypted ones are kept. */
    record Directories(Path incoming, Path store) {
    }

    @Bean
    Directories recordingDirectories(RecordingsProperties props, HotlineProperties hotline) throws IOException {
        var base = hotline.dataDir().resolve("recordings");
        var incoming = props.incomingDir() != null ? props.incomingDir() : base.resolve("incoming");
        if (props.incomingDir() == null) {
            Files.createDirectories(incoming); // the demo PBX writes here; a real PBX's volume is made by the deployment
        }
        return new Directories(incoming, props.storeDir() != null ? props.storeDir() : base.resolve("store"));
    }

    @Bean
    RecordingKeys recordingKeys(RecordingsProperties props, HotlineProperties hotline) {
        return new RecordingKeys(props, hotline);
    }

    @Bean
    RecordingStore recordingStore(Directories dirs) throws IOException {
        return new FileRecordingStore(dirs.store());
    }
}
