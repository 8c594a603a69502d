package io.javakeepalived.cli.getopt;

import static io.javakeepalived.cli.getopt.Flag.Argument.NONE;
import static io.javakeepalived.cli.getopt.Flag.Argument.OPTIONAL;
import static io.javakeepalived.cli.getopt.Flag.Argument.REQUIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command lines read as GNU getopt_long reads them with keepalived's table (a part of it). */
class GetoptLongTest {

    private static final GetoptLong PARSER = new GetoptLong(List.of(
            Flag.of('f', "use-file", REQUIRED),
            Flag.of('n', "dont-fork", NONE),
            Flag.of('l', "log-console", NONE),
            Flag.of('t', "config-test", OPTIONAL),
            Flag.of('P', "vrrp", NONE),
            Flag.of('r', "vrrp_pid", REQUIRED),
            Flag.of('c', "checkers_pid", REQUIRED),
            Flag.of('C', "check", NONE),
            Flag.longOnly("signum", REQUIRED)));

    /** The flags given, as "spelled=value" ("-n" when without a value), in order. */
    private static List<String> flags(GetoptLong.Result r) {
        List<String> shown = new ArrayList<>();
        for (GetoptLong.Given g : r.given()) {
            shown.add(g.value() == null ? g.spelled() : g.spelled() + "=" + g.value());
        }
        return shown;
    }

    @Test
    void aRequiredArgumentIsTheRestOfTheWordOrTheNextWord() {
        assertEquals(List.of("-n", "-f=/a", "-l", "-f=/b"), flags(PARSER.parse("-nf/a", "-lf", "/b")));
        assertEquals(List.of("--use-file=/a", "--use-file=/b"), flags(PARSER.parse("--use-file=/a", "--use-file", "/b")));
    }

    @Test
    void theNextWordIsTakenEvenWhenItLooksLikeAFlag() {
        assertEquals(List.of("-f=-n"), flags(PARSER.parse("-f", "-n")));
    }

    @Test
    void anOptionalArgumentIsOnlyAnAttachedOne() {
        assertEquals(List.of("-t"), flags(PARSER.parse("-t")));
        assertEquals(List.of("-t=/log"), flags(PARSER.parse("-t/log")));
        assertEquals(List.of("--config-test=/log"), flags(PARSER.parse("--config-test=/log")));
        GetoptLong.Result spaced = PARSER.parse("-t", "/log");
        assertEquals(List.of("-t"), flags(spaced));
        assertEquals(List.of("/log"), spaced.operands());
        // an optional argument ends the cluster: "f" is -t's log file, not -f
        assertEquals(List.of("-n", "-t=f"), flags(PARSER.parse("-ntf")));
    }

    @Test
    void anEqualsSignAfterAShortFlagIsDropped() {
        assertEquals(List.of("-f=/a", "-t=/log"), flags(PARSER.parse("-f=/a", "-t=/log")));
    }

    @Test
    void aLongFlagMayBeAbbreviatedWhileItStaysUnambiguous() {
        assertEquals(List.of("--use-file=/a", "--signum=JSON"), flags(PARSER.parse("--use=/a", "--sig", "JSON")));
        // an exact name wins over the longer names it is a prefix of
        assertEquals(List.of("--vrrp"), flags(PARSER.parse("--vrrp")));
        GetoptLong.Result r = PARSER.parse("--che");
        assertEquals(List.of(), r.given());
        assertEquals(List.of("Option '--che' is ambiguous; possibilities: '--checkers_pid' '--check'"), r.errors());
    }

    @Test
    void everyProblemIsReportedAndTheRestStillParses() {
        GetoptLong.Result r = PARSER.parse("-nZl", "--frobnicate=1", "--dont-fork=yes", "-P", "-f");
        assertEquals(List.of("-n", "-l", "-P"), flags(r));
        assertEquals(List.of("Unknown option: '-Z'", "Unknown option: '--frobnicate=1'",
                "Option '--dont-fork' doesn't allow an argument", "Missing parameter for option: '-f'"), r.errors());
        assertEquals(List.of("Missing parameter for option: '--signum'"), PARSER.parse("--signum").errors());
    }

    @Test
    void operandsAreCollectedWhereverTheyStandAndDoubleDashEndsTheFlags() {
        GetoptLong.Result r = PARSER.parse("x", "-n", "-", "--", "-l");
        assertEquals(List.of("-n"), flags(r));
        assertEquals(List.of("x", "-", "-l"), r.operands());
        assertEquals(List.of(), r.errors());
    }

    @Test
    void aRepeatedFlagIsGivenEachTime() {
        assertEquals(List.of("-f=/a", "--use-file=/b"), flags(PARSER.parse("-f", "/a", "--use-file", "/b")));
    }
}
