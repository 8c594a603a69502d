package io.javakeepalived.metrics;

/**
 * A writer for Prometheus' text exposition format 0.0.4, by hand so the daemon carries no client
 * library: {@code # HELP} and {@code # TYPE} once per family, then its samples, each
 * {@code name{label="value",...} value}. Samples of a family must follow its header without
 * another family in between (the format requires it; {@link #family} starts a new one).
 *
 * <p>Escaping as the format says: in HELP text backslash and newline, in label values also the
 * double quote.
 */
final class PrometheusText {

    /** The Content-Type this text is served with. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    enum Type {
        COUNTER, GAUGE;

        String text() {
            return this == COUNTER ? "counter" : "gauge";
        }
    }

    private final StringBuilder out;
    private String family;

    PrometheusText(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** Starts the family {@code name}: its HELP and TYPE lines. */
    PrometheusText family(String name, Type type, String help) {
        family = name;
        out.append("# HELP ").append(name).append(' ');
        escape(help, false);
        out.append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type.text()).append('\n');
        return this;
    }

    /**
     * One sample of the current family.
     *
     * @param labels name, value, name, value, ... (values may be empty, never null)
     */
    PrometheusText sample(long value, String... labels) {
        start(labels);
        out.append(value).append('\n');
        return this;
    }

    /** One sample with a fractional value (seconds, say). */
    PrometheusText sample(double value, String... labels) {
        start(labels);
        out.append(format(value)).append('\n');
        return this;
    }

    private void start(String... labels) {
        if (family == null) {
            throw new IllegalStateException("sample before any family");
        }
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        out.append(family);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"");
                escape(labels[i + 1], true);
                out.append('"');
            }
            out.append('}');
        }
        out.append(' ');
    }

    /** Go's ParseFloat reads Java's double text; the three specials are spelled as the format wants. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private void escape(String s, boolean quote) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '"' && quote) {
                out.append("\\\"");
            } else {
                out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
