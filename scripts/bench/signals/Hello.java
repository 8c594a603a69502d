/** Baseline: a JVM that starts and exits. */
public class Hello {
    public static void main(String[] a) {
        System.out.println("ready");
    }
}
