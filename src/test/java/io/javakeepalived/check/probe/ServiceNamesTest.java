package io.javakeepalived.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.testsupport.ConfigFixture;
import org.junit.jupiter.api.Test;

/** Service names in checker lines, as keepalived's FMT_RS / FMT_VS print them. */
class ServiceNamesTest {

    private static VirtualServer only(String text) {
        return ConfigFixture.model(ConfigFixture.load0(text)).virtualServers().get(0);
    }

    @Test
    void addressServicesCarryTheirProtocolUdpWhenNoneIsSet() {
        VirtualServer tcp = only("virtual_server 10.0.0.1 80 {\n protocol TCP\n real_server 10.0.0.2 8080 {\n }\n}\n");
        assertEquals("[10.0.0.2]:tcp:8080", ServiceNames.realServer(tcp.realServers().get(0), tcp));
        assertEquals("[10.0.0.1]:tcp:80", ServiceNames.virtualServer(tcp));
        VirtualServer none = only("virtual_server fd00::1 443 {\n real_server fd00::2 443 {\n }\n}\n");
        assertEquals("[fd00::2]:udp:443", ServiceNames.realServer(none.realServers().get(0), none));
    }

    @Test
    void fwmarkAndGroupServicesAreNamedAsKeepalivedNamesThem() {
        VirtualServer fwm = only("virtual_server fwmark 5 {\n real_server 10.0.0.2 80 {\n }\n}\n");
        assertEquals("FWM 5", ServiceNames.virtualServer(fwm));
        assertEquals("[10.0.0.2]:none:80", ServiceNames.realServer(fwm.realServers().get(0), fwm));
        VirtualServer group = only("virtual_server_group web {\n 10.0.0.1 80\n}\n"
                + "virtual_server group web {\n protocol TCP\n real_server 10.0.0.2 80 {\n }\n}\n");
        assertEquals("[web]:0", ServiceNames.virtualServer(group));
    }
}
