/** The chosen approach: install the signal source, then exit ("jnr" also loads jnr, as a repair would). */
public class InstallExit {
    public static void main(String[] a) {
        io.javakeepalived.sys.JvmSignalSource.install();
        if (a.length > 0 && a[0].equals("jnr")) {
            jnr.ffi.LibraryLoader.create(ReexecSignalfd.LibC.class).load("c");
        }
        System.out.println("ready");
    }
}
