package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** $NAME=value definitions and the predefined ones. */
class DefinitionsTest {
    @TempDir
    Path dir;
    TestConfig config;

    @BeforeEach
    void setUp() {
        config = new TestConfig(dir);
    }

    @Test
    void simpleDefinitionsAndTheirUses() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "$PRIO=150",
                "$IF=eth0",
                "$EMPTY=",
                "$NET= 10.0.0",
                "vrrp_instance VI_1 {",
                "    priority $PRIO",
                "    interface ${IF}.1",
                "    virtual_ipaddress { ${NET}.1/24 dev $IF }",
                "    glued $PRIOx ${PRIO}x",
                "    undefined $NOPE \"${NOPE}\" $ alone",
                "    nothing $EMPTY",
                "    spaced $PRIO =x",
                "}");
        assertEquals("""
                vrrp_instance VI_1 {
                  priority 150
                  interface eth0.1
                  virtual_ipaddress {
                    10.0.0.1/24 dev eth0
                  }
                  glued $PRIOx 150x
                  undefined $NOPE ${NOPE} $ alone
                  nothing
                  spaced 150 =x
                }
                """, TestConfig.dump(nodes));
        assertTrue(config.diagnostics.isEmpty());
    }

    @Test
    void anUndefinedBracedNameOutsideQuotesIsCutAtItsBraceAsInKeepalived() throws Exception {
        List<ConfigNode> nodes = config.readLines("x ${NOPE}");
        assertEquals("""
                x $ {
                  NOPE
                }
                """, TestConfig.dump(nodes));
    }

    @Test
    void aSpaceBeforeTheEqualsSignMeansNoDefinition() throws Exception {
        List<ConfigNode> nodes = config.readLines("$NAME = value", "$1X=y");
        assertEquals(List.of("$NAME", "=", "value"), nodes.get(0).words());
        assertEquals(List.of("$1X=y"), nodes.get(1).words());
    }

    @Test
    void replacementIsRecursiveWithValuesAtUseTime() throws Exception {
        // the example of keepalived.conf(5)
        List<ConfigNode> nodes = config.readLines(
                "$ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}",
                "$ADDRESS_BASE_SUB=0",
                "${ADDRESS_BASE}.100/32",
                "$ADDRESS_BASE_SUB=10",
                "${ADDRESS_BASE}.100/32",
                "$A=$B",
                "$B=deep",
                "value $A");
        assertEquals("""
                10.2.0.100/32
                10.2.10.100/32
                value deep
                """, TestConfig.dump(nodes));
    }

    @Test
    void definitionsMayHoldConditionalsAndBeConditional() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "@test $PRIORITY=240",
                "@other $PRIORITY=200",
                "$IF_TEST=@test",
                "$IF_OTHER=@other",
                "priority $PRIORITY",
                "$IF_TEST kept",
                "$IF_OTHER dropped");
        assertEquals("""
                priority 240
                kept
                """, TestConfig.dump(nodes));
    }

    @Test
    void multiLineDefinitionsExpandToLinesAtTheLocationOfTheirUse() throws Exception {
        // after keepalved.conf(5)'s $INSTANCE example
        List<ConfigNode> nodes = config.readLines(
                "$INSTANCE= \\",
                "vrrp_instance VI_${NUM} { \\",
                "    interface eth0.${NUM}   \\",
                "    # a comment inside \\",
                "    @test priority 130 \\",
                "    @other priority 120 \\",
                "    virtual_ipaddress { \\",
                "        10.0.${NUM}.254/24 \\",
                "    } \\",
                "}",
                "",
                "$NUM=0",
                "$INSTANCE",
                "$NUM=1",
                "$INSTANCE");
        assertEquals("""
                vrrp_instance VI_0 {
                  interface eth0.0
                  priority 130
                  virtual_ipaddress {
                    10.0.0.254/24
                  }
                }
                vrrp_instance VI_1 {
                  interface eth0.1
                  priority 130
                  virtual_ipaddress {
                    10.0.1.254/24
                  }
                }
                """, TestConfig.dump(nodes));
        String file = dir.resolve("keepalived.conf").toString();
        for (ConfigNode node : TestConfig.flatten(nodes.subList(0, 1))) {
            assertEquals(new SourceLocation(file, 13), node.location());
        }
        for (ConfigNode node : TestConfig.flatten(nodes.subList(1, 2))) {
            assertEquals(new SourceLocation(file, 15), node.location());
        }
        assertTrue(config.diagnostics.isEmpty(), config.diagnostics.all().toString());
    }

    @Test
    void multiLineDefinitionsNest() throws Exception {
        // after keepalived.conf(5)'s $RS / $VS example
        List<ConfigNode> nodes = config.readLines(
                "$RS= \\",
                "real_server 192.168.${VS_NUM}.${RS_NUM} 80 { \\",
                "    weight 1 \\",
                "}",
                "$VS=\\",
                "virtual_server 10.0.${VS_NUM}.4 80 { \\",
                "    $RS_NUM=1 \\",
                "    $RS \\",
                "    $RS_NUM=2 \\",
                "    $RS \\",
                "}",
                "$VS_NUM=7",
                "$VS",
                "prefix $VS suffix");
        assertEquals("""
                virtual_server 10.0.7.4 80 {
                  real_server 192.168.7.1 80 {
                    weight 1
                  }
                  real_server 192.168.7.2 80 {
                    weight 1
                  }
                }
                prefix $VS suffix
                """, TestConfig.dump(nodes));
        assertTrue(config.diagnostics.isEmpty(), config.diagnostics.all().toString());
    }

    @Test
    void anEmptyLineEndsAMultiLineDefinitionButACommentLineDoesNot() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "$X=\\",
                "a \\",
                "# comment",
                "b \\",
                "",
                "c",
                "$X");
        assertEquals("c\na\nb\n", TestConfig.dump(nodes));
    }

    @Test
    void predefinedDefinitions() throws Exception {
        config.write("sub/inc.conf", "pwd_inner ${_PWD}");
        List<ConfigNode> nodes = config.readLines(
                "pwd ${_PWD}",
                "include sub/inc.conf",
                "instance ${_INSTANCE}",
                "fixed ${_RANDOM 7 7}",
                "ranged ${_RANDOM 10 12}",
                "default ${_RANDOM}",
                "not_a_param \"${_INSTANCE 3}\"");
        Path real = dir.toRealPath();
        assertEquals(List.of("pwd", real.toString()), nodes.get(0).words());
        assertEquals(List.of("pwd_inner", real.resolve("sub").toString()), nodes.get(1).words());
        assertEquals(List.of("instance", "test"), nodes.get(2).words());
        assertEquals(List.of("fixed", "7"), nodes.get(3).words());
        int ranged = Integer.parseInt(nodes.get(4).arg(0));
        assertTrue(ranged >= 10 && ranged <= 12, nodes.get(4).toString());
        int dflt = Integer.parseInt(nodes.get(5).arg(0));
        assertTrue(dflt >= 0 && dflt <= 32767, nodes.get(5).toString());
        assertEquals(List.of("not_a_param", "${_INSTANCE 3}"), nodes.get(6).words());
    }

    @Test
    void predefinedDefinitionsCanBeOverridden() throws Exception {
        List<ConfigNode> nodes = config.readLines("$_INSTANCE=mine", "id ${_INSTANCE}");
        assertEquals(List.of("id", "mine"), nodes.get(0).words());
    }

    @Test
    @Timeout(10)
    void selfReferencingDefinitionsAreReportedNotLoopedOn() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "$A=$A",
                "$B=x${B}",
                "one $A",
                "two $B",
                "three ok");
        assertEquals("three ok\n", TestConfig.dump(nodes));
        assertEquals(2, config.problems(ConfigErrorKind.GENERAL_ERROR).size(), config.diagnostics.all().toString());
    }

    @Test
    @Timeout(10)
    void selfReferencingMultiLineDefinitionIsReportedNotLoopedOn() throws Exception {
        // $LOOP is "line" followed by a use of $LOOP
        List<ConfigNode> nodes = config.readLines("$LOOP=\\", "line \\", "$LOOP", "", "$LOOP", "after");
        assertEquals(Limits.DEFAULT.maxExpansionDepth() + 1, nodes.size());
        assertEquals(List.of("after"), nodes.get(nodes.size() - 1).words());
        List<Diagnostic> errors = config.problems(ConfigErrorKind.GENERAL_ERROR);
        assertEquals(1, errors.size(), config.diagnostics.all().toString());
        assertEquals(5, errors.get(0).location().line());
        assertTrue(errors.get(0).message().startsWith("Multi-line definitions expand inside each other more than"),
                errors.get(0).message());
    }

    @Test
    void runawayExpansionEndsWithAFatalError() {
        config.write("keepalived.conf", "global_defs {", "}", "~SEQ(i, 1, 1000000000) line $i");
        ConfigFatalException fatal = assertThrows(ConfigFatalException.class,
                () -> config.readWithLimits("keepalived.conf", new Limits(1000, 100_000, 100)));
        assertEquals(ConfigErrorKind.FATAL, fatal.diagnostic().kind());
        assertEquals(new SourceLocation(dir.resolve("keepalived.conf").toString(), 3), fatal.diagnostic().location());
        assertTrue(fatal.getMessage().contains("expands to more than 1000 lines"), fatal.getMessage());

        config.write("keepalived.conf", "$NOTHING=", "~SEQ(i, 1, 1000000000) $NOTHING");
        fatal = assertThrows(ConfigFatalException.class,
                () -> config.readWithLimits("keepalived.conf", new Limits(1000, 100_000, 100)));
        assertTrue(fatal.getMessage().contains("expands to more than 100000 lines"), fatal.getMessage());
    }
}
