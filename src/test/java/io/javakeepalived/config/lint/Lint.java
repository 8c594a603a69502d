package io.javakeepalived.config.lint;

import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.host.EveryProgramPresent;
import io.javakeepalived.config.host.UserDirectory;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.testsupport.ConfigFixture;

import java.util.List;
import java.util.stream.Collectors;

/** Loads a configuration as written (every script kept, as the daemon's warnings do) and lints it. */
final class Lint {
    private Lint() {
    }

    static KeepalivedConfig asWritten(ConfigFixture host, String text) {
        LoadResult r = host.files(new EveryProgramPresent()).load(text);
        return ConfigFixture.model(r);
    }

    static List<ConfigWarning> warnings(String text, NodeView node) {
        return ConfigLint.check(asWritten(ConfigFixture.host(), text), node);
    }

    /** With users other than root (script_user, users on script lines). */
    static List<ConfigWarning> warnings(String text, UserDirectory users, NodeView node) {
        return ConfigLint.check(asWritten(ConfigFixture.host().users(users), text), node);
    }

    static String report(List<ConfigWarning> warnings) {
        return warnings.stream().map(ConfigWarning::toString).collect(Collectors.joining("\n"));
    }
}
