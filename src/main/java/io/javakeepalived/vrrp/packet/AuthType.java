package io.javakeepalived.vrrp.packet;

/**
 * VRRPv2 authentication type (RFC 3768 §5.3.6, keepalived's {@code auth_type}). VRRPv3 has no
 * authentication; a v3 advert always carries {@link #NONE}.
 */
public enum AuthType {
    /** 0: no authentication (the auth data bytes are sent as zeros). */
    NONE(0),
    /** 1: simple text password, 8 bytes, NUL padded ({@code auth_type PASS}). */
    SIMPLE_PASSWORD(1),
    /** 2: IPsec AH header in front of the VRRP message ({@code auth_type AH}, see {@link AuthenticationHeader}). */
    IP_AH(2);

    private final int wireValue;

    AuthType(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The value of the v2 "Auth Type" byte. */
    public int wireValue() {
        return wireValue;
    }

    /** The type for a wire value, or null if it is none of 0, 1, 2. */
    public static AuthType fromWire(int value) {
        switch (value) {
            case 0: return NONE;
            case 1: return SIMPLE_PASSWORD;
            case 2: return IP_AH;
            default: return null;
        }
    }
}
