package dev.alfred.bench;

import com.sun.management.OperatingSystemMXBean;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time used by this JVM (Alfred, the load generator and the fake platform) and by the PostgreSQL
 * server, so that a benchmark can say what a message costs, and the time the JIT compiler spent compiling. On a
 * shared machine CPU time moves much less than latency and throughput do, since time the machine gives to others
 * is not counted. The server's time
 * is read from Linux's {@code /proc}: the postmaster, its live children, and the children that have
 * exited (counted into the postmaster). Elsewhere it reads as zero.
 */
public final class CpuMeter {

    private static final long NANOS_PER_TICK = 1_000_000_000L / 100; // USER_HZ is 100 on Linux

    /** CPU time used so far, in nanoseconds, and the JIT compiler's time so far, in milliseconds. */
    public record Reading(long jvm, long database, long compiling) {

        /** The time used between {@code earlier} and this reading. */
        public Reading since(Reading earlier) {
            return new Reading(jvm - earlier.jvm, database - earlier.database, compiling - earlier.compiling);
        }
    }

    /** Milliseconds of CPU per message, for a report. */
    public static String perMessage(long nanos, int messages) {
        return String.format("%.2f", nanos / 1e6 / messages);
    }

    private final long postmaster;

    private CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    /** Measures the JVM and the PostgreSQL server of the application's default datasource. */
    public static CpuMeter of(ApplicationContext context) {
        Environment settings = context.getEnvironment();
        try (Connection connection = DriverManager.getConnection(
                        settings.getRequiredProperty("datasources.default.url", String.class),
                        settings.getRequiredProperty("datasources.default.username", String.class),
                        settings.getRequiredProperty("datasources.default.password", String.class));
                Statement statement = connection.createStatement();
                ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            List<String> stat = stat(backend.getLong(1));
            return new CpuMeter(stat.isEmpty() ? -1 : Long.parseLong(stat.get(1)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not find the database server's process", e);
        }
    }

    public Reading read() {
        long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Reading(
                jvm,
                postmaster < 0 ? 0 : database(),
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    }

    private long database() {
        List<String> server = stat(postmaster);
        long ticks =
                server.isEmpty() ? 0 : ticks(server, 11) + ticks(server, 12) + ticks(server, 13) + ticks(server, 14);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            ticks += processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> stat(Long.parseLong(p.getFileName().toString())))
                    .filter(s -> !s.isEmpty() && Long.parseLong(s.get(1)) == postmaster)
                    .mapToLong(s -> ticks(s, 11) + ticks(s, 12))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (state first), or empty if it is gone. */
    private static List<String> stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return List.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long ticks(List<String> stat, int index) {
        return Long.parseLong(stat.get(index));
    }
}
