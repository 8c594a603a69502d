package io.javakeepalived.lvs;

import io.javakeepalived.net.IpvsDest;
import io.javakeepalived.net.IpvsService;
import io.javakeepalived.net.IpvsTable;

import java.io.IOException;

/** One command to the IPVS table, as {@link TableDiff} plans them. */
sealed interface IpvsOp {

    void applyTo(IpvsTable table) throws IOException;

    /** {@code add service 10.0.0.1:tcp:80}, {@code edit dest 10.0.0.1:tcp:80 -> 10.0.0.2:80 weight 0}. */
    String describe();

    record AddService(IpvsService service) implements IpvsOp {
        @Override
        public void applyTo(IpvsTable table) throws IOException {
            table.addService(service);
        }

        @Override
        public String describe() {
            return "add service " + service.key().describe() + " " + service.scheduler();
        }
    }

    record EditService(IpvsService service) implements IpvsOp {
        @Override
        public void applyTo(IpvsTable table) throws IOException {
            table.editService(service);
        }

        @Override
        public String describe() {
            return "edit service " + service.key().describe() + " " + service.scheduler();
        }
    }

    record DeleteService(IpvsService service) implements IpvsOp {
        @Override
        public void applyTo(IpvsTable table) throws IOException {
            table.deleteService(service);
        }

        @Override
        public String describe() {
            return "delete service " + service.key().describe();
        }
    }

    record AddDest(IpvsService service, IpvsDest dest) implements IpvsOp {
        @Override
        public void applyTo(IpvsTable table) throws IOException {
            table.addDest(service, dest);
        }

        @Override
        public String describe() {
            return "add dest " + service.key().describe() + " -> " + dest.describe() + " weight " + dest.weight();
        }
    }

    record EditDest(IpvsService service, IpvsDest dest) implements IpvsOp {
        @Override
        public void applyTo(IpvsTable table) throws IOException {
            table.editDest(service, dest);
        }

        @Override
        public String describe() {
            return "edit dest " + service.key().describe() + " -> " + dest.describe() + " weight " + dest.weight();
        }
    }

    record DeleteDest(IpvsService service, IpvsDest dest) implements IpvsOp {
        @Override
        public void applyTo(IpvsTable table) throws IOException {
            table.deleteDest(service, dest);
        }

        @Override
        public String describe() {
            return "delete dest " + service.key().describe() + " -> " + dest.describe();
        }
    }
}
