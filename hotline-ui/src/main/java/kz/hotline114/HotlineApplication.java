package kz.hotline114;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The hotline application: Vaadin console, REST API and the AMI link to the PBX. */
@SpringBootApplication
public class HotlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(HotlineApplication.class, args);
    }
}
