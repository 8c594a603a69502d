package io.javakeepalived.check;

import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.FakeFileSystem;

/** Configurations for the checker tests: /etc/k/{up,down,a,b}.sh are root-owned 0755. */
final class CheckConfigs {
    private CheckConfigs() {
    }

    static KeepalivedConfig load(String text) {
        LoadResult r = ConfigFixture.host().files(FakeFileSystem.typicalHost().dir("/etc/k", 0, 0, 0755)
                .file("/etc/k/up.sh", 0, 0, 0755).file("/etc/k/down.sh", 0, 0, 0755)
                .file("/etc/k/a.sh", 0, 0, 0755).file("/etc/k/b.sh", 0, 0, 0755)).load(text);
        return r.config().orElseThrow(() -> new AssertionError(r.diagnostics().all().toString()));
    }

    /** A TCP NAT virtual server 10.0.0.1:80 with delay_loop 10 and {@code body} (its real servers) inside. */
    static String virtualServer(String body) {
        return """
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lb_algo rr
                    lb_kind NAT
                    delay_loop 10
                """ + body + "}\n";
    }
}
