package io.javakeepalived.daemon.dump;

/** A VRRP instance or sync group state with keepalived's number (JSON) and name (data file). */
public enum InstanceState {
    INIT(0),
    BACKUP(1),
    MASTER(2),
    FAULT(3);

    private final int code;

    InstanceState(int code) {
        this.code = code;
    }

    /** keepalived's {@code VRRP_STATE_*} value, as in keepalived.json's {@code state}. */
    public int code() {
        return code;
    }

    /** The name keepalived.data prints ({@code INIT}, {@code BACKUP}, {@code MASTER}, {@code FAULT}). */
    public String text() {
        return name();
    }
}
