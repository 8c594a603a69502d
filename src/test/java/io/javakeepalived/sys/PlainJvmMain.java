package io.javakeepalived.sys;

/** A JVM that installs nothing: what {@link JvmSignalSourceIT} compares the daemon with. */
public final class PlainJvmMain {

    private PlainJvmMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("READY");
        Thread.sleep(60_000);
    }
}
