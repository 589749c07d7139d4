package kz.hotline114.search;

import java.nio.file.Path;

/** A JVM that starts a local node and waits: LocalElasticsearchLifecycleIT kills it (-9) while the node starts. */
public final class NodeStarter {

    private NodeStarter() {
    }

    public static void main(String[] args) throws Exception {
        LocalElasticsearchNode.start(Path.of(args[0]), Path.of(args[1]), "256m", "hotline*");
        Thread.sleep(Long.MAX_VALUE);
    }
}
