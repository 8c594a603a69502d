import jnr.ffi.*;
import java.nio.file.*;
import java.util.*;
/**
 * Alternative (a), rejected: block 36/63, re-exec the same JVM command line so every thread
 * inherits the mask, then read the signals from a signalfd. "exit" stops once ready (timing).
 */
public class ReexecSignalfd {
  public interface LibC {
    int sigprocmask(int how, Pointer set, Pointer old);
    int signalfd(int fd, Pointer mask, int flags);
    long read(int fd, Pointer buf, long n);
  }
  public static void main(String[] a) throws Exception {
    boolean exitNow = a.length > 0 && a[0].equals("exit");
    LibC libc = LibraryLoader.create(LibC.class).load("c");
    jnr.ffi.Runtime rt = jnr.ffi.Runtime.getRuntime(libc);
    Pointer set = Memory.allocateDirect(rt, 128, true);
    long bits = (1L << 35) | (1L << 62);
    set.putLong(0, bits);
    if (System.getenv("REEXEC_MARK") == null) {
      libc.sigprocmask(0 /*SIG_BLOCK*/, set, null);
      byte[] cl = Files.readAllBytes(Paths.get("/proc/self/cmdline"));
      List<String> args = new ArrayList<>(); int s = 0;
      for (int i = 0; i < cl.length; i++) if (cl[i] == 0) { args.add(new String(cl, s, i - s)); s = i + 1; }
      List<String> env = new ArrayList<>();
      System.getenv().forEach((k, v) -> env.add(k + "=" + v)); env.add("REEXEC_MARK=1");
      jnr.posix.POSIX posix = jnr.posix.POSIXFactory.getNativePOSIX();
      String exe = Files.readSymbolicLink(Paths.get("/proc/self/exe")).toString();
      posix.execve(exe, args.toArray(new String[0]), env.toArray(new String[0]));
      throw new IllegalStateException("execve failed " + posix.errno());
    }
    int fd = libc.signalfd(-1, set, 0x80000);
    System.out.println("ready fd=" + fd + " " + Files.readAllLines(Paths.get("/proc/self/status")).stream().filter(l -> l.startsWith("SigBlk")).findFirst().get());
    if (exitNow) return;
    // child process inherits?
    Process p = new ProcessBuilder("grep", "SigBlk", "/proc/self/status").inheritIO().start(); p.waitFor();
    Pointer buf = Memory.allocateDirect(rt, 128);
    while (true) { long n = libc.read(fd, buf, 128); System.out.println("signalfd read " + n + " signo=" + buf.getInt(0)); }
  }
}
