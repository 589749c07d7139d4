package kz.hotline114.pbxconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packets of the recorded AMI sessions in shared/fixtures/ami (and its sub-folders),
 * each as an ordered list of headers. A header may repeat, so no map.
 */
final class AmiRecordings {

    record Header(String name, String value) {
    }

    record Packet(Path file, List<Header> headers) {
        String get(String name) {
            return headers.stream().filter(h -> h.name().equals(name)).map(Header::value).findFirst().orElse(null);
        }

        boolean isEvent(String event) {
            return event.equals(get("Event"));
        }

        /** Header names that come after the given header (e.g. a UserEvent's own fields). */
        List<String> headerNamesAfter(String name) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).name().equals(name)) {
                    return headers.subList(i + 1, headers.size()).stream().map(Header::name).toList();
                }
            }
            return List.of();
        }
    }

    private AmiRecordings() {
    }

    static List<Packet> load(Path directory) {
        List<Packet> packets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ami")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
                for (String block : text.split("\n\n")) {
                    List<Header> headers = new ArrayList<>();
                    for (String line : block.split("\n")) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
                        }
                    }
                    if (!headers.isEmpty()) {
                        packets.add(new Packet(file, List.copyOf(headers)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packets;
    }
}
