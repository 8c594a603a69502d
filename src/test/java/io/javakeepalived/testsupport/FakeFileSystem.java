package io.javakeepalived.testsupport;

import io.javakeepalived.config.host.FileStat;
import io.javakeepalived.config.host.FileSystemView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory file system for the script checks: directories, files and symbolic links with
 * owner and mode, and a PATH. Every parent directory of an added entry is created root-owned
 * 0755 unless added explicitly.
 */
public final class FakeFileSystem implements FileSystemView {
    private final Map<String, FileStat> entries = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final List<String> path = new ArrayList<>(List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin"));

    public FakeFileSystem() {
        dir("/", 0, 0, 0755);
    }

    /** A typical host: /usr/bin/killall, /usr/bin/bash, /bin/sh, all root-owned 0755. */
    public static FakeFileSystem typicalHost() {
        return new FakeFileSystem().file("/usr/bin/killall", 0, 0, 0755).file("/usr/bin/bash", 0, 0, 0755)
                .file("/bin/sh", 0, 0, 0755);
    }

    public FakeFileSystem dir(String p, int uid, int gid, int mode) {
        parents(p);
        entries.put(p, new FileStat(uid, gid, mode, FileStat.Type.DIRECTORY, p));
        return this;
    }

    public FakeFileSystem file(String p, int uid, int gid, int mode) {
        parents(p);
        entries.put(p, new FileStat(uid, gid, mode, FileStat.Type.REGULAR, p));
        return this;
    }

    public FakeFileSystem symlink(String p, String target) {
        parents(p);
        entries.put(p, new FileStat(0, 0, 0777, FileStat.Type.SYMLINK, p));
        links.put(p, target);
        return this;
    }

    public FakeFileSystem path(String... dirs) {
        path.clear();
        path.addAll(List.of(dirs));
        return this;
    }

    private void parents(String p) {
        int i = p.lastIndexOf('/');
        if (i <= 0) {
            return;
        }
        String parent = p.substring(0, i);
        if (!entries.containsKey(parent)) {
            dir(parent, 0, 0, 0755);
        }
    }

    @Override
    public Optional<FileStat> lstat(String p) {
        return Optional.ofNullable(entries.get(normal(p)));
    }

    @Override
    public Optional<FileStat> stat(String p) {
        return realPath(p).map(entries::get);
    }

    @Override
    public Optional<String> realPath(String p) {
        String cur = normal(p);
        for (int hops = 0; hops < 40; hops++) {
            String resolved = resolveOnce(cur);
            if (resolved == null) {
                return Optional.empty();
            }
            if (resolved.equals(cur)) {
                return entries.containsKey(cur) ? Optional.of(cur) : Optional.empty();
            }
            cur = resolved;
        }
        return Optional.empty();
    }

    /** Replaces the first symbolic link on the path by its target. */
    private String resolveOnce(String p) {
        String[] parts = p.split("/");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            sb.append('/').append(parts[i]);
            String prefix = sb.toString();
            FileStat st = entries.get(prefix);
            if (st == null) {
                return null;
            }
            if (st.type() == FileStat.Type.SYMLINK) {
                String target = links.get(prefix);
                String base = target.startsWith("/") ? target
                        : prefix.substring(0, prefix.lastIndexOf('/') + 1) + target;
                StringBuilder rest = new StringBuilder(base);
                for (int k = i + 1; k < parts.length; k++) {
                    rest.append('/').append(parts[k]);
                }
                return normal(rest.toString());
            }
        }
        return p.isEmpty() ? "/" : p;
    }

    private static String normal(String p) {
        List<String> out = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(part);
        }
        return "/" + String.join("/", out);
    }

    @Override
    public List<String> searchPath() {
        return List.copyOf(path);
    }
}
