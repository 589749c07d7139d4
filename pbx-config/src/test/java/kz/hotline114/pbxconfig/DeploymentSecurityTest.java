package kz.hotline114.pbxconfig;

import static kz.hotline114.pbxconfig.PbxConfigConsistencyTest.ENTRYPOINT;
import static kz.hotline114.pbxconfig.PbxConfigConsistencyTest.REPOSITORY;
import static kz.hotline114.pbxconfig.PbxConfigConsistencyTest.environment;
import static kz.hotline114.pbxconfig.PbxConfigConsistencyTest.service;
import static kz.hotline114.pbxconfig.PbxConfigConsistencyTest.services;
import static kz.hotline114.pbxconfig.PbxConfigConsistencyTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment as the security audit found it, finding by finding: the app on plain HTTP, Prometheus published,
 * one superuser database role for the app and Asterisk, Elasticsearch without authentication, desk phones open to any
 * address with passwords such as {@code change-me-201}. Read from docker-compose.yml, pjsip.conf and the entrypoint
 * (which is run: it must refuse weak secrets before it renders anything).
 */
class DeploymentSecurityTest {

    @BeforeAll
    static void readCompose() throws IOException {
        PbxConfigConsistencyTest.readConfiguration();
    }

    @Test
    void only_https_and_sip_are_published_and_the_app_prometheus_and_the_databases_are_not() {
        Map<String, List<String>> published = new TreeMap<>();
        services().forEach((name, s) -> {
            var ports = strings(PbxConfigConsistencyTest.asMap(s).get("ports"));
            if (!ports.isEmpty()) {
                published.put(name, ports);
            }
        });
        assertThat(published.keySet()).containsExactlyInAnyOrder("proxy", "asterisk");
        assertThat(published.get("proxy")).containsExactlyInAnyOrder("443:443", "80:80");
        assertThat(published.get("asterisk")).allSatisfy(p -> assertThat(p).endsWith("/udp"));
    }

    @Test
    void the_proxy_serves_https_to_the_app_and_the_app_believes_only_the_compose_network() throws IOException {
        var caddyfile = Files.readString(REPOSITORY.resolve("deploy/proxy/Caddyfile"));
        assertThat(caddyfile).contains("https://{$HOTLINE_PUBLIC_HOST}", "tls {$HOTLINE_TLS}", "reverse_proxy app:8080")
                .containsPattern("http:// \\{\\s*redir https://");
        assertThat(strings(service("proxy").get("volumes"))).contains("./deploy/proxy/Caddyfile:/etc/caddy/Caddyfile:ro");
        var trusted = environment(service("app")).get("HOTLINE_TRUSTED_PROXIES");
        assertThat("172.28.114.7").matches(trusted);
        assertThat("10.0.0.7").doesNotMatch(trusted);
    }

    @Test
    void each_program_has_its_own_least_privileged_database_role() throws IOException {
        var app = environment(service("app"));
        assertThat(app).containsEntry("SPRING_DATASOURCE_USERNAME", "hotline_app")
                .containsEntry("SPRING_FLYWAY_USER", "hotline_owner");
        assertThat(environment(service("asterisk"))).containsEntry("PGUSER", "hotline_asterisk");
        assertThat(environment(service("postgres")).get("POSTGRES_INITDB_ARGS")).contains("scram-sha-256");
        assertThat(strings(service("postgres").get("volumes"))).contains("./deploy/postgres/initdb:/docker-entrypoint-initdb.d:ro");
        var roles = Files.readString(REPOSITORY.resolve("deploy/postgres/initdb/10-hotline-roles.sh"));
        assertThat(roles).contains("create role hotline_owner login nosuperuser", "create role hotline_app login nosuperuser",
                "create role hotline_asterisk login nosuperuser");
        var grants = Files.readString(REPOSITORY.resolve("hotline-core/src/main/resources/db/migration/afterMigrate.sql"));
        assertThat(grants).contains("revoke update, delete, truncate on audit_log from hotline_app",
                "grant insert on cdr, cel to hotline_asterisk");
    }

    @Test
    void elasticsearch_requires_a_user_and_the_app_signs_in_as_its_own() throws IOException {
        var es = environment(service("elasticsearch"));
        assertThat(es).containsEntry("xpack.security.enabled", "true");
        assertThat(es.get("ELASTIC_PASSWORD")).matches("\\$\\{[A-Z_]+:-}");
        var app = environment(service("app"));
        assertThat(app).containsEntry("HOTLINE_ELASTICSEARCH_USERNAME", "hotline_app").containsKey("HOTLINE_ELASTICSEARCH_PASSWORD");
        assertThat(app).doesNotContainKey("ELASTIC_PASSWORD");
        var setup = Files.readString(REPOSITORY.resolve("deploy/elasticsearch/setup.sh"));
        assertThat(setup).contains("/_security/role/hotline_app", "\"names\": [\"hotline*\"]", "/_security/user/hotline_app");
        assertThat(PbxConfigConsistencyTest.asMap(service("app").get("depends_on"))).containsKey("es-setup");
    }

    @Test
    void desk_phones_accept_requests_and_registrations_from_the_office_network_only() {
        for (var phone : List.of("201", "202", "203", "204", "205", "206", "207")) {
            var endpoint = PbxConfigConsistencyTest.pjsip.concreteSections().stream()
                    .filter(s -> s.name.equals(phone) && PbxConfigConsistencyTest.pjsip.values(s, "type").contains("endpoint"))
                    .findFirst().orElseThrow();
            assertThat(PbxConfigConsistencyTest.pjsip.values(endpoint, "deny")).as(phone).containsExactly("0.0.0.0/0.0.0.0");
            assertThat(PbxConfigConsistencyTest.pjsip.values(endpoint, "permit")).as(phone)
                    .containsExactly("${HOTLINE_PHONES_PERMIT}");
            assertThat(PbxConfigConsistencyTest.pjsip.values(endpoint, "contact_deny")).containsExactly("0.0.0.0/0.0.0.0");
            assertThat(PbxConfigConsistencyTest.pjsip.values(endpoint, "contact_permit"))
                    .containsExactly("${HOTLINE_PHONES_PERMIT}");
        }
    }

    @Test
    void the_pbx_refuses_to_start_with_weak_or_example_secrets_before_rendering_anything() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        var strong = new HashMap<String, String>(Map.of("HOTLINE_AMI_SECRET", "ami-secret-strong-1",
                "HOTLINE_AMI_BIND", "0.0.0.0", "PGHOST", "postgres", "PGDATABASE", "hotline",
                "PGUSER", "hotline_asterisk", "PGPASSWORD", "db-strong-password-1", "HOTLINE_TRUNK_HOST", "sbc:5060",
                "HOTLINE_TRUNK_MATCH", "192.0.2.10", "HOTLINE_PBX_PUBLIC_ADDRESS", "198.51.100.114",
                "HOTLINE_PHONES_PERMIT", "192.168.114.0/255.255.255.0"));
        for (int phone = 201; phone <= 207; phone++) {
            strong.put("HOTLINE_PHONE_" + phone + "_PASSWORD", "Desk-phone-x" + (phone * 7) + "-ok");
        }
        strong.put("ASTERISK_TEMPLATE_DIR", "/nonexistent-hotline-templates");
        assertThat(run(strong)).as("strong secrets pass the checks (then: no templates)").isEqualTo(66);

        for (var weak : Map.of("HOTLINE_PHONE_201_PASSWORD", "change-me-201", "HOTLINE_PHONE_202_PASSWORD", "short-1",
                "HOTLINE_PHONE_203_PASSWORD", "my-own-203-phone", "HOTLINE_AMI_SECRET", "change-me-ami-secret").entrySet()) {
            var env = new HashMap<>(strong);
            env.put(weak.getKey(), weak.getValue());
            assertThat(run(env)).as(weak.toString()).isEqualTo(65);
        }
        // the misdialer look-up is optional; switched on (an app URL), its token must be strong too
        var lookup = new HashMap<>(strong);
        lookup.put("HOTLINE_APP_URL", "http://app:8080");
        assertThat(run(lookup)).as("a look-up URL without a token").isEqualTo(65);
        lookup.put("HOTLINE_PBX_LOOKUP_TOKEN", "change-me-pbx-lookup-token");
        assertThat(run(lookup)).as("the example token").isEqualTo(65);
        lookup.put("HOTLINE_PBX_LOOKUP_TOKEN", "Lookup-token-7f3a9c21");
        assertThat(run(lookup)).as("a strong token").isEqualTo(66);
        var noPermit = new HashMap<>(strong);
        noPermit.remove("HOTLINE_PHONES_PERMIT");
        assertThat(run(noPermit)).isEqualTo(64);
    }

    private static int run(Map<String, String> env) throws Exception {
        var pb = new ProcessBuilder("/bin/sh", ENTRYPOINT.toString()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        var p = pb.start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

}
