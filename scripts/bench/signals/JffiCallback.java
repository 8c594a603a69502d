import jnr.ffi.*;
import jnr.ffi.annotations.Delegate;
import java.util.concurrent.atomic.AtomicLong;
/**
 * Alternative (b), rejected: sigaction with a jnr-ffi callback as the handler, under allocation
 * churn. Prints a count every 500 ms until the JVM crashes (it does: SIGSEGV in jffi).
 */
public class JffiCallback {
  public interface Handler { @Delegate void call(int sig); }
  public interface LibC {
    int sigaction(int sig, Pointer act, Pointer old);
  }
  static final AtomicLong count = new AtomicLong();
  static Handler keep;
  public static void main(String[] a) throws Exception {
    LibC libc = LibraryLoader.create(LibC.class).load("c");
    jnr.ffi.Runtime rt = jnr.ffi.Runtime.getRuntime(libc);
    keep = sig -> count.incrementAndGet();
    Pointer fn = rt.getClosureManager().getClosurePointer(Handler.class, keep);
    Pointer act = Memory.allocateDirect(rt, 256, true);
    act.putAddress(0, fn.address());
    act.putInt(8 + 128, 0x10000000); // SA_RESTART
    for (int s : new int[]{36, 63}) System.out.println("sigaction " + s + " -> " + libc.sigaction(s, act, null));
    System.out.println("up " + ProcessHandle.current().pid());
    // churn: allocation + threads to make GC/safepoints frequent
    for (int t = 0; t < 4; t++) new Thread(() -> { java.util.List<byte[]> l = new java.util.ArrayList<>(); while (true) { l.add(new byte[1024]); if (l.size() > 20000) l.clear(); } }) {{ setDaemon(true); }}.start();
    while (true) { Thread.sleep(500); System.out.println("count " + count.get()); }
  }
}
