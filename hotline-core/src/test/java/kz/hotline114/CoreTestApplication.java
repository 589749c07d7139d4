package kz.hotline114;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** hotline-core on its own, for integration tests of the features (the real app lives in hotline-ui). */
@SpringBootApplication
public class CoreTestApplication {
}
