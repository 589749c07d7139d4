package kz.hotline114.pbx.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import kz.hotline114.cluster.ClusterProperties;
import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.AmiProperties;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.pbx.PbxLink;
import kz.hotline114.pbx.PbxList;

/** The PBXs' links; {@link PbxLink} and {@link PbxCommands} are the first PBX's (the desk's phones, the demo). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AmiProperties.class, PbxList.class})
class PbxConfiguration {

    @Bean
    @SuppressWarnings("checkstyle:ParameterNumber")
    AmiLinks amiLinks(PbxList list, AmiProperties props, DemoPbx demo, JdbcAmiJournal journal, JdbcTemplate jdbc,
                      TransactionTemplate tx, ApplicationEventPublisher publisher, NodeLeases leases,
                      ClusterProperties cluster, MeterRegistry meters, Clock clock) {
        return new AmiLinks(list.resolve(props), props, demo, journal, jdbc, tx, publisher, leases, cluster, meters,
                clock);
    }

    /** The first PBX's link: the one bean that is both {@link PbxLink} and {@link PbxCommands}. */
    @Bean
    AmiLinkService firstPbx(AmiLinks links) {
        return links.first();
    }
}
