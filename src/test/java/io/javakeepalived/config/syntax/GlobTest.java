package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class GlobTest {
    @TempDir
    Path dir;

    private void touch(String... names) throws Exception {
        for (String name : names) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        }
    }

    @Test
    void bracesExpandInOrderAndNest() {
        List<String> out = new ArrayList<>();
        Glob.expandBraces("{foo/{,cat,dog},bar}", out, 0);
        assertEquals(List.of("foo/", "foo/cat", "foo/dog", "bar"), out);
        out.clear();
        Glob.expandBraces("a{1,2}b{x,y}", out, 0);
        assertEquals(List.of("a1bx", "a1by", "a2bx", "a2by"), out);
        out.clear();
        Glob.expandBraces("lit\\{a,b}{}{unclosed", out, 0);
        assertEquals(List.of("lit\\{a,b}{}{unclosed"), out);
    }

    @Test
    void wildcardsMatchPerComponentSortedAndSkipHiddenFiles() throws Exception {
        touch("conf.d/b.conf", "conf.d/a.conf", "conf.d/.hidden.conf", "conf.d/c.txt", "other/x.conf");
        Files.createDirectories(dir.resolve("conf.d/dir.conf"));
        Glob.Result result = Glob.expand("*/[ab!]*.conf", dir);
        assertEquals(List.of("conf.d/a.conf", "conf.d/b.conf"), result.matches());
        result = Glob.expand("conf.d/*.conf", dir);
        assertEquals(List.of("conf.d/a.conf", "conf.d/b.conf", "conf.d/dir.conf/"), result.matches());
        assertTrue(result.usedWildcards());
        assertFalse(result.anyMissing());
        result = Glob.expand(dir + "/conf.d/.h*", dir);
        assertEquals(List.of(dir + "/conf.d/.hidden.conf"), result.matches());
    }

    @Test
    void missingFilesAndDirectoriesAreCounted() throws Exception {
        touch("a.conf");
        Glob.Result result = Glob.expand("{a,b}.conf", dir);
        assertEquals(List.of("a.conf"), result.matches());
        assertEquals(1, result.missingFiles());
        result = Glob.expand("nodir/*.conf", dir);
        assertTrue(result.matches().isEmpty());
        assertEquals(1, result.missingDirs());
        result = Glob.expand("*.none", dir);
        assertTrue(result.matches().isEmpty());
        assertFalse(result.anyMissing());
        assertTrue(result.usedWildcards());
        assertTrue(Glob.expand("bad\0path", dir).matches().isEmpty());
    }

    @Test
    void fnmatchSets() {
        assertTrue(FnMatch.compile("[a-c]x[!0-9]").matches("bxz"));
        assertFalse(FnMatch.compile("[a-c]x[!0-9]").matches("bx5"));
        assertTrue(FnMatch.compile("[[:digit:]]*").matches("1abc"));
        assertTrue(FnMatch.compile("a\\*").matches("a*"));
        assertFalse(FnMatch.compile("a\\*").matches("ab"));
        assertTrue(FnMatch.compile("[]]").matches("]"));
        assertTrue(FnMatch.compile("x[").matches("x["));
        assertTrue(FnMatch.compile("*a*b*c").matches("xxaybzzc"));
    }
}
