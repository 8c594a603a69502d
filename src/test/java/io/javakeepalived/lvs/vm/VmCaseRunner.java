package io.javakeepalived.lvs.vm;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@code @Test} methods of the classes named on the command line, each on a fresh
 * instance between its {@code @BeforeEach} and {@code @AfterEach} methods, in one JVM, and prints
 * a line per test ({@code PASS}/{@code FAIL}, with the failure's stack trace). Exit status 1 if
 * any failed. The JUnit launcher is not a dependency of this project (surefire brings its own), so
 * the VM's one JVM uses this instead: Jupiter's annotations and assertions, nothing else of it.
 */
public final class VmCaseRunner {
    private VmCaseRunner() {
    }

    public static void main(String[] args) throws Exception {
        int failed = 0;
        int run = 0;
        for (String name : args) {
            Class<?> c = Class.forName(name);
            List<Method> tests = new ArrayList<>();
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class)) {
                    tests.add(m);
                }
            }
            tests.sort(Comparator.comparing(Method::getName));
            for (Method t : tests) {
                run++;
                long t0 = System.nanoTime();
                Throwable failure = runOne(c, t);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (failure == null) {
                    System.out.println("PASS " + c.getSimpleName() + "." + t.getName() + " (" + ms + " ms)");
                } else {
                    failed++;
                    StringWriter w = new StringWriter();
                    failure.printStackTrace(new PrintWriter(w));
                    System.out.println("FAIL " + c.getSimpleName() + "." + t.getName() + " (" + ms + " ms)\n" + w);
                }
            }
        }
        System.out.println("VM cases: " + run + " run, " + failed + " failed");
        System.out.flush();
        System.exit(failed == 0 && run > 0 ? 0 : 1);
    }

    private static Throwable runOne(Class<?> c, Method test) {
        Object instance;
        try {
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            instance = ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            return e;
        }
        Throwable failure = null;
        try {
            invokeAll(c, instance, BeforeEach.class);
            test.setAccessible(true);
            test.invoke(instance);
        } catch (Throwable t) { // NOPMD: a test's failure is anything it throws
            failure = unwrap(t);
        }
        try {
            invokeAll(c, instance, AfterEach.class);
        } catch (Throwable t) { // NOPMD
            if (failure == null) {
                failure = unwrap(t);
            }
        }
        return failure;
    }

    private static void invokeAll(Class<?> c, Object instance, Class<? extends java.lang.annotation.Annotation> a)
            throws Exception {
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(a)) {
                m.setAccessible(true);
                m.invoke(instance);
            }
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof InvocationTargetException i && i.getCause() != null ? i.getCause() : t;
    }
}
