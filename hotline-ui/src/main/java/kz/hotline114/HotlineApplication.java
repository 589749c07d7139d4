package kz.hotline114;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The hotline application: Vaadin console, REST API and the AMI link to the PBX. */
@SpringBootApplication
public class HotlineApplication {

    public static void main(String[] args) {
        var app = new SpringApplication(HotlineApplication.class);
        // where the start goes, step by step (issue 21): the slowest steps are logged once ready (StartupReport) and
        // served at /actuator/startup to admins
        app.setApplicationStartup(new BufferingApplicationStartup(8192));
        // the embedded database starts while Spring reads its bean definitions, not when the first bean needs it
        app.addListeners(new kz.hotline114.shared.EarlyEmbeddedDatabase());
        if (Arrays.stream(args).anyMatch(a -> a.equals("--rebuild-calls"))) {
            // a one-off command: no PBX link, no local search node, no fixed port (Vaadin's security needs a
            // servlet context), exit when done
            var withoutPbx = Stream.concat(Arrays.stream(args),
                    Stream.of("--hotline.ami.host=", "--hotline.ami.demo.enabled=false",
                            "--hotline.elasticsearch.home=",
                            "--server.port=0"))
                    .toArray(String[]::new);
            System.exit(SpringApplication.exit(app.run(withoutPbx)));
        }
        app.run(args);
    }
}
