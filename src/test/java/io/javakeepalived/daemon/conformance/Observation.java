package io.javakeepalived.daemon.conformance;

import io.javakeepalived.util.AddressText;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.LogLevel;
import io.javakeepalived.vrrp.Vip;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One pattern over recorded actions, written as in the scenario files:
 * <pre>
 *   state BACKUP -&gt; MASTER        state * -&gt; FAULT       group state * -&gt; MASTER
 *   advert priority 100           advert                 (priority 0 = the priority-0 advert)
 *   log "(VI_1) Entering MASTER STATE"                     log
 *   notify INSTANCE VI_1 MASTER 100                        notify GROUP G1 FAULT 0     notify
 *   add vips 10.77.0.100/24       remove vips            (list comma-separated, optional)
 *   garp 5                        garp
 *   arm MASTER_DOWN 13.0234375    arm ADVERT             cancel MASTER_DOWN     timer
 * </pre>
 */
final class Observation {

    /** The strict categories (see README): every action of a strict category must be expected. */
    static final List<String> CATEGORIES = List.of("state", "group", "advert", "log", "notify", "vips", "garp", "timer", "split");

    private final String text;
    private final String category;
    private final java.util.function.Predicate<Action> predicate;

    private Observation(String text, String category, java.util.function.Predicate<Action> predicate) {
        this.text = text;
        this.category = category;
        this.predicate = predicate;
    }

    boolean matches(Action a) {
        return predicate.test(a);
    }

    String category() {
        return category;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The strict category an action belongs to, or null if none applies (DETAIL logs). */
    static String categoryOf(Action a) {
        if (a instanceof Action.StateChanged) {
            return "state";
        } else if (a instanceof Action.GroupStateChanged) {
            return "group";
        } else if (a instanceof Action.SendAdvert || a instanceof Action.SendPriorityZeroAdvert) {
            return "advert";
        } else if (a instanceof Action.Log l) {
            return l.level() == LogLevel.INFO ? "log" : null;
        } else if (a instanceof Action.RunNotify || a instanceof Action.RunGroupNotify) {
            return "notify";
        } else if (a instanceof Action.AddVips || a instanceof Action.RemoveVips) {
            return "vips";
        } else if (a instanceof Action.SendGratuitousBurst) {
            return "garp";
        } else if (a instanceof Action.ArmTimer || a instanceof Action.CancelTimer) {
            return "timer";
        } else if (a instanceof Action.SplitBrainSeen) {
            return "split";
        }
        throw new IllegalArgumentException(a.toString());
    }

    /** The action written the way an observation line would match it (for failure traces). */
    static String describe(Action a) {
        if (a instanceof Action.StateChanged s) {
            return "state " + s.from() + " -> " + s.to();
        } else if (a instanceof Action.GroupStateChanged s) {
            return "group state " + s.from() + " -> " + s.to();
        } else if (a instanceof Action.SendAdvert s) {
            return "advert priority " + s.priority();
        } else if (a instanceof Action.SendPriorityZeroAdvert) {
            return "advert priority 0";
        } else if (a instanceof Action.Log l) {
            return "log \"" + l.text() + "\"" + (l.level() == LogLevel.DETAIL ? "   (detail)" : "");
        } else if (a instanceof Action.RunNotify n) {
            return "notify INSTANCE " + n.instance() + " " + n.state() + " " + n.priority();
        } else if (a instanceof Action.RunGroupNotify n) {
            return "notify GROUP " + n.group() + " " + n.state() + " " + n.priority();
        } else if (a instanceof Action.AddVips v) {
            return "add vips " + join(v.vips());
        } else if (a instanceof Action.RemoveVips v) {
            return "remove vips " + join(v.vips());
        } else if (a instanceof Action.SendGratuitousBurst g) {
            return "garp " + g.count();
        } else if (a instanceof Action.ArmTimer t) {
            return "arm " + t.kind() + " " + Scenario.formatTime(t.deadlineNanos());
        } else if (a instanceof Action.CancelTimer t) {
            return "cancel " + t.kind();
        } else if (a instanceof Action.SplitBrainSeen b) {
            return "split brain " + AddressText.ntop(b.peer()) + " priority " + b.peerPriority() + " ours "
                    + b.ourPriority() + (b.staying() ? " staying" : " leaving");
        }
        return a.toString();
    }

    static String join(List<Vip> vips) {
        return vips.stream().map(Observation::text).collect(Collectors.joining(","));
    }

    /** A VIP as scenarios write it: {@code 10.77.0.100/24}. */
    static String text(Vip v) {
        return AddressText.ntop(v.address()) + "/" + v.prefixLength();
    }

    static Observation parse(List<String> w, String text) {
        String verb = w.get(0);
        switch (verb) {
            case "state": {
                expect(w.size() == 4 && w.get(2).equals("->"), text, "state FROM -> TO");
                String from = w.get(1);
                String to = w.get(3);
                return new Observation(text, "state", a -> a instanceof Action.StateChanged s
                        && wild(from, s.from().name()) && wild(to, s.to().name()));
            }
            case "group": {
                expect(w.size() == 5 && w.get(1).equals("state") && w.get(3).equals("->"), text,
                        "group state FROM -> TO");
                String from = w.get(2);
                String to = w.get(4);
                return new Observation(text, "group", a -> a instanceof Action.GroupStateChanged s
                        && wild(from, s.from().name()) && wild(to, s.to().name()));
            }
            case "advert": {
                if (w.size() == 1) {
                    return new Observation(text, "advert",
                            a -> a instanceof Action.SendAdvert || a instanceof Action.SendPriorityZeroAdvert);
                }
                expect(w.size() == 3 && w.get(1).equals("priority"), text, "advert [priority N]");
                int p = Integer.parseInt(w.get(2));
                return new Observation(text, "advert", a -> p == 0
                        ? a instanceof Action.SendPriorityZeroAdvert
                        : a instanceof Action.SendAdvert s && s.priority() == p);
            }
            case "log": {
                if (w.size() == 1) {
                    return new Observation(text, "log", a -> a instanceof Action.Log);
                }
                expect(w.size() == 2, text, "log \"TEXT\"");
                String t = w.get(1);
                return new Observation(text, "log", a -> a instanceof Action.Log l && l.text().equals(t));
            }
            case "notify": {
                if (w.size() == 1) {
                    return new Observation(text, "notify",
                            a -> a instanceof Action.RunNotify || a instanceof Action.RunGroupNotify);
                }
                expect(w.size() == 5, text, "notify INSTANCE|GROUP NAME STATE PRIORITY");
                String kind = w.get(1);
                String name = w.get(2);
                String state = w.get(3);
                int prio = Integer.parseInt(w.get(4));
                if (kind.equals("INSTANCE")) {
                    return new Observation(text, "notify", a -> a instanceof Action.RunNotify n
                            && n.instance().equals(name) && n.state().name().equals(state) && n.priority() == prio);
                }
                expect(kind.equals("GROUP"), text, "notify INSTANCE|GROUP ...");
                return new Observation(text, "notify", a -> a instanceof Action.RunGroupNotify n
                        && n.group().equals(name) && n.state().name().equals(state) && n.priority() == prio);
            }
            case "add":
            case "remove": {
                expect((w.size() == 2 || w.size() == 3) && w.get(1).equals("vips"), text, verb + " vips [LIST]");
                String list = w.size() == 3 ? w.get(2) : null;
                boolean add = verb.equals("add");
                return new Observation(text, "vips", a -> {
                    List<Vip> v;
                    if (add && a instanceof Action.AddVips x) {
                        v = x.vips();
                    } else if (!add && a instanceof Action.RemoveVips x) {
                        v = x.vips();
                    } else {
                        return false;
                    }
                    return list == null || join(v).equals(list);
                });
            }
            case "garp": {
                if (w.size() == 1) {
                    return new Observation(text, "garp", a -> a instanceof Action.SendGratuitousBurst);
                }
                expect(w.size() == 2, text, "garp [N]");
                int n = Integer.parseInt(w.get(1));
                return new Observation(text, "garp", a -> a instanceof Action.SendGratuitousBurst g && g.count() == n);
            }
            case "timer": {
                expect(w.size() == 1, text, "timer");
                return new Observation(text, "timer",
                        a -> a instanceof Action.ArmTimer || a instanceof Action.CancelTimer);
            }
            case "arm": {
                expect(w.size() == 2 || w.size() == 3, text, "arm KIND [TIME]");
                String kind = w.get(1);
                Long at = w.size() == 3 ? Scenario.parseTime(w.get(2)) : null;
                return new Observation(text, "timer", a -> a instanceof Action.ArmTimer t
                        && t.kind().name().equals(kind) && (at == null || t.deadlineNanos() == at));
            }
            case "cancel": {
                expect(w.size() == 2, text, "cancel KIND");
                String kind = w.get(1);
                return new Observation(text, "timer", a -> a instanceof Action.CancelTimer t
                        && t.kind().name().equals(kind));
            }
            case "split": {
                // split brain [PEER priority P ours Q staying|leaving]
                expect(w.size() >= 2 && w.get(1).equals("brain"), text, "split brain [PEER priority P ours Q staying|leaving]");
                if (w.size() == 2) {
                    return new Observation(text, "split", a -> a instanceof Action.SplitBrainSeen);
                }
                expect(w.size() == 8 && w.get(3).equals("priority") && w.get(5).equals("ours"), text,
                        "split brain PEER priority P ours Q staying|leaving");
                String d = String.join(" ", w);
                return new Observation(text, "split", a -> a instanceof Action.SplitBrainSeen && describe(a).equals(d));
            }
            default:
                return null;
        }
    }

    private static boolean wild(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    private static void expect(boolean ok, String text, String form) {
        if (!ok) {
            throw new IllegalArgumentException("'" + text + "': expected " + form);
        }
    }

    static String requireCategory(String c) {
        if (!CATEGORIES.contains(c)) {
            throw new IllegalArgumentException("unknown strict category '" + c + "', one of " + CATEGORIES);
        }
        return Objects.requireNonNull(c);
    }
}
