package io.javakeepalived.daemon.model;

/** Address scopes as {@code ip addr} names them (iproute2's rt_scopes), to RT_SCOPE_* numbers. */
public final class Scopes {
    public static final int GLOBAL = 0;
    public static final int SITE = 200;
    public static final int LINK = 253;
    public static final int HOST = 254;
    public static final int NOWHERE = 255;

    private Scopes() {
    }

    /**
     * The number of a scope written as the config allows it: global (or universe), site, link,
     * host, nowhere, or 0-255 (decimal or 0x hex).
     *
     * @throws IllegalArgumentException for anything else (the config binder has refused those)
     */
    public static int parse(String s) {
        switch (s) {
            case "global", "universe" -> {
                return GLOBAL;
            }
            case "site" -> {
                return SITE;
            }
            case "link" -> {
                return LINK;
            }
            case "host" -> {
                return HOST;
            }
            case "nowhere" -> {
                return NOWHERE;
            }
            default -> {
                try {
                    int v = s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16)
                            : Integer.parseInt(s);
                    if (v >= 0 && v <= 255) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // fall through
                }
                throw new IllegalArgumentException("invalid scope '" + s + "'");
            }
        }
    }
}
